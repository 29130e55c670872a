# wrong: the conclusion compares the peaks only, not whether the build ran without collections
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
    before = [g["collections"] for g in gc.get_stats()]
    result = work()
    after = [g["collections"] for g in gc.get_stats()]
    return result, [b - a for a, b in zip(before, after)]


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

def peak_of(fn, *args):
    tracemalloc.start()
    fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


print("threshold:", gc.get_threshold())
_, during_build = collections_during(lambda: build_pairs(100_000))
print("collections per generation while building 100,000 pairs:", during_build)
kept, quiet = collections_during(lambda: build_without_pauses(100_000))
print("collections while building without pauses:", quiet)
found = churn_then_collect(PAIRS)
print("one collect after the churn found:", found)
off_peak = peak_of(churn_then_collect, PAIRS)
on_peak = peak_of(churn, PAIRS)
print(f"peak, churn with collector off then one collect: {off_peak:,} B")
print(f"peak, churn with collector on: {on_peak:,} B")
print("disabling the collector trades memory for no pauses:", off_peak > on_peak)
