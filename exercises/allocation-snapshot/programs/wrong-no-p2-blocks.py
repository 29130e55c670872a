# wrong: P2's block count not printed (the reference with one slip)
# fails: the program prints the size and blocks of P2's top line, as a snapshot measures them
"""Heapwise reference program for allocation-snapshot (P2, L-ref exercise 3).

Snapshots a traced workload while it is alive; lists this file's allocation sites, biggest first.
"""
import linecache
import os
import platform
import random
import string
import struct
import sys
import time
import tracemalloc

THIS_FILE = os.path.abspath(__file__)


def build_workload(rng, n=100_000):
    """n words, n/2 squares and 4n/5 floats, each built on a line of its own."""
    words = ["".join(rng.choices(string.ascii_lowercase, k=10)) for _ in range(n)]
    squares = {i: i * i for i in range(n // 2)}
    floats = {rng.random() for _ in range(n * 4 // 5)}
    return words, squares, floats


def describe(stat):
    """File, line, the name assigned on that line, bytes and blocks."""
    frame = stat.traceback[0]
    assigned = linecache.getline(frame.filename, frame.lineno).split("=")[0].strip()
    return (f"{os.path.basename(frame.filename)}:{frame.lineno} ({assigned}): "
            f"{stat.size:,} bytes in {stat.count:,} blocks")


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

tracemalloc.start()
words, squares, floats = build_workload(random.Random(2024))
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()

# Keep only what this file allocated: not tracemalloc's own bookkeeping,
# not the random module's temporary lists.
mine = snapshot.filter_traces([tracemalloc.Filter(True, THIS_FILE)])
stats = mine.statistics("lineno")

print("top 3 sites by size:")
for stat in stats[:3]:
    print(" ", describe(stat))

print(f"one 10-letter str: {sys.getsizeof('abcdefghij')} bytes, one float: {sys.getsizeof(0.5)}, "
      f"one int above 256: {sys.getsizeof(50_000)}")
print(f"distinct floats kept: {len(floats):,}")
print(f"sites are sorted biggest first: {all(a.size >= b.size for a, b in zip(stats, stats[1:]))}")

# The course's P2: one list of 100,000 ints from a comprehension.
tracemalloc.start()
numbers = [i for i in range(100_000)]
p2 = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, THIS_FILE)])
tracemalloc.stop()
p2_stats = p2.statistics("lineno")
print(f"P2's list of 100,000 ints: {p2_stats[0].size:,} bytes")
print(f"len(stats) > 0: {len(p2_stats) > 0}")
print(f"stats[0].size > 100_000: {p2_stats[0].size > 100_000}")
print(f"stats[0].count >= 1: {p2_stats[0].count >= 1}")
print(f"stats[0].count == 1: {p2_stats[0].count == 1}")
# The workload timed untraced, for the page to set beside the Rust variant
# that builds the same structures (a block per word, a hash map, a hash set)
# for the same number of words; 20,000 keeps five runs short.
us = best_time_us(lambda: build_workload(random.Random(2024), 20_000))
print(f"timing: variant naive at n=20000: {us:.1f} us per call, best of 5 (tracemalloc off)")
print(f"top site holds more than 100,000 bytes: {stats[0].size > 100_000}")
