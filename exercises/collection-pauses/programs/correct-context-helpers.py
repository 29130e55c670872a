# correct: a context manager saves/restores the collector state, a traced() helper returns (result, peak), f-strings
import contextlib
import gc
import time
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


def collection_counts():
    return [generation["collections"] for generation in gc.get_stats()]


def collections_during(work):
    before = collection_counts()
    result = work()
    after = collection_counts()
    return result, [a - b for a, b in zip(after, before)]


@contextlib.contextmanager
def collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_without_pauses(n):
    with collector_paused():
        pairs = build_pairs(n)
        gc.freeze()  # long-lived: move them out of the collector's way
    return pairs


def churn_then_collect(n):
    with collector_paused():
        churn(n)
        found = gc.collect()
    return found


def traced(work):
    tracemalloc.start()
    try:
        result = work()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


print("threshold:", gc.get_threshold())

t0 = time.perf_counter()
pairs, during_build = collections_during(lambda: build_pairs(PAIRS))
del pairs
gc.collect()
elapsed = time.perf_counter() - t0
print(f"collections while build_pairs({PAIRS:,}) ran (gen 0, 1, 2): {during_build}"
      f"  [build and free: {elapsed * 1000:.0f} ms]")

service, during_quiet_build = collections_during(lambda: build_without_pauses(PAIRS))
print(f"collections while build_without_pauses({PAIRS:,}) ran: {during_quiet_build}; "
      f"frozen objects: {gc.get_freeze_count():,}")

found, paused_peak = traced(lambda: churn_then_collect(PAIRS))
print(f"churn_then_collect({PAIRS:,}): peak {paused_peak:,} bytes, "
      f"one collect found {found:,} unreachable objects")

_, live_peak = traced(lambda: churn(PAIRS))
print(f"churn({PAIRS:,}) with the collector on: peak {live_peak:,} bytes")

no_pauses = sum(during_quiet_build) == 0
held_more = paused_peak > live_peak
print(f"disabling the collector trades memory for no pauses: {no_pauses and held_more}")
