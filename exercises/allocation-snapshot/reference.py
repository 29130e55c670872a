"""Heapwise reference program for allocation-snapshot (P2, L-ref exercise 3).

Traces a workload with tracemalloc, takes a snapshot while everything is
still alive, and lists the allocation sites of this file, biggest first.
"""
import linecache
import os
import platform
import random
import string
import struct
import sys
import tracemalloc

THIS_FILE = os.path.abspath(__file__)


def build_workload(rng):
    """Three data structures, each built on a line of its own."""
    words = ["".join(rng.choices(string.ascii_lowercase, k=10)) for _ in range(100_000)]
    squares = {i: i * i for i in range(50_000)}
    floats = {rng.random() for _ in range(80_000)}
    return words, squares, floats


def describe(stat):
    """File, line, the name assigned on that line, bytes and blocks."""
    frame = stat.traceback[0]
    assigned = linecache.getline(frame.filename, frame.lineno).split("=")[0].strip()
    return (f"{os.path.basename(frame.filename)}:{frame.lineno} ({assigned}): "
            f"{stat.size:,} bytes in {stat.count:,} blocks")


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
print(f"P2's list of 100,000 ints: {p2_stats[0].size:,} bytes in {p2_stats[0].count:,} blocks")
print(f"len(stats) > 0: {len(p2_stats) > 0}")
print(f"stats[0].size > 100_000: {p2_stats[0].size > 100_000}")
print(f"stats[0].count >= 1: {p2_stats[0].count >= 1}")
print(f"stats[0].count == 1: {p2_stats[0].count == 1}")
print(f"top site holds more than 100,000 bytes: {stats[0].size > 100_000}")
