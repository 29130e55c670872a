# wrong: step 4, churn_then_collect calls gc.collect() but returns 2 * n (what it "should" find) instead of what gc.collect() returned
# fails: `churn_then_collect(n)` churns with the collector off, collects once, returns what it found and turns the collector back on
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


def _counts():
    return [gen["collections"] for gen in gc.get_stats()]


def collections_during(work):
    before = _counts()
    result = work()
    after = _counts()
    return result, [a - b for a, b in zip(after, before)]


def build_without_pauses(n):
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        pairs = build_pairs(n)
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
        gc.collect()
        found = 2 * n  # two nodes per pair
    finally:
        if was_enabled:
            gc.enable()
    return found


def traced_peak(work):
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


print("threshold:", gc.get_threshold())
_, plain_counts = collections_during(lambda: build_pairs(100_000))
print(f"collections while build_pairs(100_000) ran (gen0, gen1, gen2): {plain_counts}")
pairs, quiet_counts = collections_during(lambda: build_without_pauses(100_000))
print(f"collections while build_without_pauses(100_000) ran: {quiet_counts}")

off_peak = traced_peak(lambda: print(f"churn_then_collect found {churn_then_collect(PAIRS)} unreachable objects"))
on_peak = traced_peak(lambda: churn(PAIRS))
print(f"peak of churn_then_collect(PAIRS): {off_peak:,} bytes")
print(f"peak of churn(PAIRS) with the collector on: {on_peak:,} bytes")
print(f"collector enabled afterwards: {gc.isenabled()}")
print(f"disabling the collector trades memory for no pauses: {sum(quiet_counts) == 0 and off_peak > on_peak}")
