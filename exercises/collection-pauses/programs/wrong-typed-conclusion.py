# wrong: counts and measures everything, but the last line's answer is typed in, not computed from the build's collections and the two peaks
# fails: the program concludes: disabling the collector trades memory for no pauses: True
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
    start = [s["collections"] for s in gc.get_stats()]
    result = work()
    return result, [s["collections"] - a for s, a in zip(gc.get_stats(), start)]


def build_without_pauses(n):
    was_on = gc.isenabled()
    gc.disable()
    try:
        pairs = build_pairs(n)
        gc.freeze()
    finally:
        if was_on:
            gc.enable()
    return pairs


def churn_then_collect(n):
    was_on = gc.isenabled()
    gc.disable()
    try:
        churn(n)
        return gc.collect()
    finally:
        if was_on:
            gc.enable()


def peak_of(work):
    gc.collect()
    tracemalloc.start()
    work()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top

print("threshold:", gc.get_threshold())
pairs, counts = collections_during(lambda: build_pairs(PAIRS))
print("collections while building 100,000 pairs:", counts)
del pairs
gc.collect()
kept, quiet = collections_during(lambda: build_without_pauses(PAIRS))
print("collections while building them without pauses:", quiet)
on = peak_of(lambda: churn(PAIRS))
off = peak_of(lambda: churn_then_collect(PAIRS))
print(f"peak of the churn, collector on: {on:,} bytes")
print(f"peak of churn_then_collect: {off:,} bytes")
print("disabling the collector trades memory for no pauses: True")
