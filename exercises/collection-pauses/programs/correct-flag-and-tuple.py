# correct: written from the task alone, differently: counts per generation as a tuple from a for loop, gc state kept in a local flag without try/finally, both churns measured in one tracemalloc session with reset_peak, figures with separators and per-generation labels, "=" in the last line
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
    start = gc.get_stats()
    value = work()
    end = gc.get_stats()
    counts = []
    for gen in range(len(end)):
        counts.append(end[gen]["collections"] - start[gen]["collections"])
    return value, tuple(counts)


def build_without_pauses(n):
    on = gc.isenabled()
    gc.disable()
    built = build_pairs(n)
    gc.freeze()
    if on:
        gc.enable()
    return built


def churn_then_collect(n):
    on = gc.isenabled()
    gc.disable()
    churn(n)
    unreachable = gc.collect()
    if on:
        gc.enable()
    return unreachable


low, middle, high = gc.get_threshold()
print(f"gc thresholds: {low}, {middle}, {high}")
_, counts = collections_during(lambda: build_pairs(PAIRS))
print("building 100,000 cyclic pairs: " + ", ".join(f"gen{g}={c:,}" for g, c in enumerate(counts)))

service, pauses = collections_during(lambda: build_without_pauses(PAIRS))
print(f"built without pauses: {sum(pauses)} collections")

tracemalloc.start()
churn(PAIRS)
with_gc = tracemalloc.get_traced_memory()[1]
tracemalloc.reset_peak()
base = tracemalloc.get_traced_memory()[0]
found = churn_then_collect(PAIRS)
without_gc = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
print(f"churn, collector on:  {with_gc:,} B peak")
print(f"churn, collector off: {without_gc:,} B peak; one collect found {found:,}")
print("Disabling the collector trades memory for no pauses =", pauses == (0, 0, 0) and without_gc > with_gc)
