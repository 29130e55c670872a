# wrong: the collections printed for step 2 are counted while build_pairs builds 100,000 ACYCLIC pairs (cyclic=False), not the 100,000 cyclic pairs the task names; the work measured is the wrong one
# fails: the program prints `gc.get_threshold()` and the collections while `build_pairs(100_000)` builds
import contextlib
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


@contextlib.contextmanager
def collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collection_counts():
    return [generation["collections"] for generation in gc.get_stats()]


def collections_during(work):
    start = collection_counts()
    result = work()
    end = collection_counts()
    return result, [after - before for before, after in zip(start, end)]


def build_without_pauses(n):
    with collector_paused():
        pairs = build_pairs(n)
        gc.freeze()
    return pairs


def churn_then_collect(n):
    with collector_paused():
        churn(n)
        unreachable = gc.collect()
    return unreachable


def traced_peak(work):
    tracemalloc.start()
    try:
        result = work()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


print("threshold:", gc.get_threshold())

pairs, plain_counts = collections_during(lambda: build_pairs(100_000, cyclic=PAIRS < 0))
print("collections while build_pairs(100_000) ran (gen0, gen1, gen2):", plain_counts)
del pairs
gc.collect()

service_pairs, quiet_counts = collections_during(lambda: build_without_pauses(PAIRS))
print("collections while build_without_pauses ran:", quiet_counts,
      "| frozen objects:", gc.get_freeze_count())

found, deferred_peak = traced_peak(lambda: churn_then_collect(PAIRS))
print(f"churn_then_collect({PAIRS}): collect found {found} unreachable objects, "
      f"traced peak {deferred_peak:,} bytes")
_, eager_peak = traced_peak(lambda: churn(PAIRS))
print(f"churn({PAIRS}) with the collector on: traced peak {eager_peak:,} bytes")

built_quietly = all(count == 0 for count in quiet_counts)
held_more = deferred_peak > eager_peak
print("disabling the collector trades memory for no pauses:", built_quietly and held_more)
