# correct: written from the task alone, another way: counts from a helper returning a dict per generation, the collector state restored with a context manager, peaks from one helper using reset_peak, plain "collections: a/b/c" lines and the conclusion built from named booleans
import gc
import tracemalloc
from contextlib import contextmanager

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
    total = 0
    for i in range(n):
        total += make_pair(i).partner.value
    return total


def _runs():
    return {g: s["collections"] for g, s in enumerate(gc.get_stats())}


def collections_during(work):
    first = _runs()
    out = work()
    last = _runs()
    return out, [last[g] - first[g] for g in sorted(first)]


@contextmanager
def collector_off():
    state = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if state:
            gc.enable()


def build_without_pauses(n):
    with collector_off():
        built = build_pairs(n)
        gc.freeze()
    return built


def churn_then_collect(n):
    with collector_off():
        churn(n)
        unreachable = gc.collect()
    return unreachable


def traced_peak(fn, *args):
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    fn(*args)
    _, high = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return high


print("gc.get_threshold() ->", gc.get_threshold())
_, during_build = collections_during(lambda: build_pairs(PAIRS))
print("collections: " + "/".join(str(c) for c in during_build) + " while build_pairs(100_000) ran")
gc.collect()
service, during_quiet = collections_during(lambda: build_without_pauses(PAIRS))
print("collections: " + "/".join(str(c) for c in during_quiet) + " while build_without_pauses(100_000) ran")
peak_on = traced_peak(churn, PAIRS)
peak_off = traced_peak(churn_then_collect, PAIRS)
print(f"churn, collector on: {peak_on / 1024:.1f} KiB at peak")
print(f"churn_then_collect: {peak_off / 1024:.1f} KiB at peak")
no_pauses = not any(during_quiet)
held_more = peak_off > peak_on
print(f"disabling the collector trades memory for no pauses: {no_pauses and held_more}")
