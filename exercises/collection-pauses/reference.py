"""Heapwise reference program for collection-pauses (L-288 §6).

CPython frees an object the moment its reference count reaches zero. Only
objects caught in reference cycles wait for the cyclic collector, which
runs when allocations pass its thresholds and pauses the program while it
scans. The program counts those collections instead of timing them (times
depend on the machine; counts and bytes do not): how many run while
long-lived data is built, how gc.disable() and gc.freeze() remove them, and
what disabling costs in memory when short-lived cycles pile up.
"""
import gc
import platform
import struct
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
        second.partner = first  # now each keeps the other's count above zero
    return first


def build_pairs(n, cyclic=True):
    return [make_pair(i, cyclic) for i in range(n)]


def collections():
    """Collections run so far, per generation."""
    return [generation["collections"] for generation in gc.get_stats()]


def collections_during(work):
    """Runs work(); returns its result and the collections per generation
    that ran meanwhile."""
    before = collections()
    result = work()
    return result, [after - start for start, after in zip(before, collections())]


def build_without_pauses(n):
    """Builds long-lived pairs with the collector off, then freezes them so
    no later collection scans them, and puts the collector back as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        pairs = build_pairs(n)
        gc.freeze()  # everything tracked so far moves to the permanent generation
        return pairs
    finally:
        if was_enabled:
            gc.enable()


def churn(n):
    """Makes n short-lived cyclic pairs, dropping each at once, like a
    handler that builds a small cyclic structure per request."""
    total = 0
    for i in range(n):
        total += make_pair(i).partner.value
    return total


def churn_then_collect(n):
    """The same churn with the collector off, then one collection; returns
    how many unreachable objects that collection found."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        churn(n)
        return gc.collect()
    finally:
        if was_enabled:
            gc.enable()


def build_then_release(n):
    """build_without_pauses, then each pair read through its links (the Rust
    variant scores its pairs the same way), then what it takes to free those
    pairs again: unfreeze them and let one collection find the cycles."""
    pairs = build_without_pauses(n)
    score = sum(first.value * 3 + first.partner.value + first.partner.partner.value for first in pairs)
    gc.unfreeze()
    del pairs
    gc.collect()
    return score


def held_after_del(cyclic):
    """Collector off: bytes the pairs hold, bytes right after del, and what
    a collection then finds."""
    gc.collect()
    gc.disable()
    tracemalloc.start()
    pairs = build_pairs(PAIRS, cyclic)
    built = tracemalloc.get_traced_memory()[0]
    del pairs
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    gc.enable()
    return built, after, gc.collect()


def traced_peak(work):
    gc.collect()
    tracemalloc.start()
    result = work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")
print(f"gc.get_threshold(): {gc.get_threshold()}")

# Reference counting frees at once; a cycle waits for the collector.
for cyclic in (False, True):
    built, after, found = held_after_del(cyclic)
    kind = "cyclic pairs" if cyclic else "pairs without cycles"
    print(f"{PAIRS:,} {kind}: {built:,} bytes, {after:,} held right after del "
          f"(collector off), gc.collect() then found {found:,} objects")
    print(f"with the collector disabled, deleting {PAIRS:,} {kind} frees their memory at once: "
          f"{after < built // 100}")

# Collections while long-lived data is built.
gc.collect()
pairs, during = collections_during(lambda: build_pairs(PAIRS))
print(f"building {PAIRS:,} cyclic pairs: {sum(during)} collections ran (per generation {during})")
del pairs
gc.collect()

gc.disable()
before = collections()
pairs = build_pairs(PAIRS)
middle = collections()
waiting = gc.get_count()[0]
gc.enable()
spare = [[] for _ in range(10)]  # the first few allocations with the collector back on
quiet = [b - a for a, b in zip(before, middle)]
woken = [b - a for a, b in zip(middle, collections())]
print(f"the same build with gc.disable(): {sum(quiet)} collections; {waiting:,} new objects counted, so "
      f"the first allocations after gc.enable() ran {sum(woken)} collection (per generation {woken})")
del pairs
gc.collect()

pairs, frozen_build = collections_during(lambda: build_without_pauses(PAIRS))
_, after_freeze = collections_during(lambda: [[] for _ in range(10)])
print(f"built with the collector off, then gc.freeze(): {sum(frozen_build)} collections, "
      f"{sum(after_freeze)} after, at least {2 * PAIRS:,} objects frozen: {gc.get_freeze_count() >= 2 * PAIRS}")
del pairs
print(f"gc.collect() frees frozen cyclic pairs once they are unreachable: {gc.collect() >= 2 * PAIRS}")
gc.unfreeze()
print(f"after gc.unfreeze(), gc.collect() found {gc.collect():,} objects")

# Short-lived cycles: the collector keeps memory down; turning it off does not.
_, churn_peak = traced_peak(lambda: churn(PAIRS))
found, off_peak = traced_peak(lambda: churn_then_collect(PAIRS))
print(f"{PAIRS:,} short-lived cyclic pairs, collector on: peak {churn_peak:,} bytes")
print(f"the same with the collector off and one collection at the end: peak {off_peak:,} bytes, "
      f"that collection found {found:,} objects")
# Building pairs without pauses and freeing them, untraced, on 20,000 pairs
# to keep five runs short: the page sets this time beside the Rust variant
# whose nodes are reference counted too (Rc), built and dropped.
us = best_time_us(lambda: build_then_release(20_000))
print(f"timing: variant naive at pairs=20000: {us:.1f} us per call, best of 5 (tracemalloc off)")
print(f"disabling the collector trades memory for no pauses: "
      f"{sum(quiet) == 0 and sum(during) > 0 and off_peak > 2 * churn_peak and found >= 2 * PAIRS}")
