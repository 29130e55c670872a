# wrong: build_without_pauses makes the first node of every pair (Node directly, not make_pair) before it turns the collector off, so collections run while it builds; the rest as the task asks
# fails: `build_without_pauses(n)` builds n cyclic pairs with no collection and freezes them
import gc
import tracemalloc

PAIRS = 100_000


class Node:
    __slots__ = ("partner", "value")

    def __init__(self, value):
        self.partner = None
        self.value = value


def make_pair(i, cyclic=True):
    first, second = Node(i), Node(-i)
    first.partner = second
    if cyclic:
        second.partner = first
    return first


def build_pairs(n, cyclic=True):
    return [make_pair(i, cyclic) for i in range(n)]


def churn(n):
    # Short-lived cycles: each pair is dropped as soon as it is made.
    total = 0
    for i in range(n):
        total += make_pair(i).partner.value
    return total


def collections_during(work):
    before = [gen["collections"] for gen in gc.get_stats()]
    result = work()
    after = [gen["collections"] for gen in gc.get_stats()]
    return result, [a - b for a, b in zip(after, before)]


def build_without_pauses(n):
    was_enabled = gc.isenabled()
    pairs = [Node(i) for i in range(n)]
    gc.disable()
    try:
        for i, first in enumerate(pairs):
            second = Node(-i)
            first.partner, second.partner = second, first
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
    return pairs


def churn_then_collect(n):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        churn(n)
        found = gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    return found


def peak_of(work):
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


print("threshold:", gc.get_threshold())
pairs, during_build = collections_during(lambda: build_pairs(PAIRS))
print("collections while building 100,000 pairs:", during_build)
del pairs
gc.collect()

frozen, quiet = collections_during(lambda: build_without_pauses(PAIRS))
print("collections while building them with the collector off:", quiet)

on_peak = peak_of(lambda: churn(PAIRS))
found = []
off_peak = peak_of(lambda: found.append(churn_then_collect(PAIRS)))
print(f"churn with the collector on: peak {on_peak} bytes")
print(f"churn with the collector off, then one collect: peak {off_peak} bytes, found {found[0]} objects")
print(f"disabling the collector trades memory for no pauses: {sum(quiet) == 0 and off_peak > on_peak}")
