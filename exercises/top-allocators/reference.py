"""Heapwise reference program for top-allocators (P6).

Profiles a workload with three distinct allocations by comparing a snapshot
taken before it with one taken after, and reports the three lines that grew
the most, biggest first. Shows what the same comparison reports when the
workload's result is dropped and nothing is filtered, as in the course's
P6 solution: tracemalloc's own objects. Then shows the
spare room a list keeps when it grows one append at a time.
"""
import linecache
import os
import platform
import struct
import sys
import tracemalloc

THIS_FILE = os.path.abspath(__file__)


def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


# The timing helper and its import sit below workload, so that the line
# numbers this program prints for workload's three lines stay where they are.
import time  # noqa: E402

REPEATS = 5  # timed rounds; the fastest is the least disturbed by the rest of the machine


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


def top_allocators(work, limit=3):
    """Runs work() between two snapshots and compares them; returns the lines
    of this file that grew the most, as (file, line, bytes grown, blocks
    grown), biggest first. What work() returns is kept alive until the
    second snapshot, and only this file's lines are compared, so neither the
    freed results nor tracemalloc's own objects can take a place."""
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    kept = work()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    del kept
    own = [tracemalloc.Filter(True, THIS_FILE)]
    diff = after.filter_traces(own).compare_to(before.filter_traces(own), "lineno")
    grown = sorted((stat for stat in diff if stat.size_diff > 0), key=lambda stat: stat.size_diff, reverse=True)
    return [(stat.traceback[0].filename, stat.traceback[0].lineno, stat.size_diff, stat.count_diff)
            for stat in grown[:limit]]


def unguarded_top_allocators(work, limit=3):
    """The same comparison as the course's P6 solution makes it: work()'s
    result is dropped at once, and every file is compared."""
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    work()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    diff = after.compare_to(before, "lineno")
    return [(stat.traceback[0].filename, stat.traceback[0].lineno, stat.size_diff) for stat in diff[:limit]]


def assigned_at(filename, lineno):
    return linecache.getline(filename, lineno).split("=")[0].strip()


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

top = top_allocators(workload)
for rank, (filename, lineno, size, blocks) in enumerate(top, start=1):
    print(f"{rank}. {os.path.basename(filename)}:{lineno} ({assigned_at(filename, lineno)}): "
          f"+{size:,} bytes in {blocks:,} block{'' if blocks == 1 else 's'}")

unguarded = unguarded_top_allocators(workload)
print("the same comparison with the result dropped and no filter: "
      + ", ".join(f"{os.path.basename(f)}:{n} {size:+,} bytes" for f, n, size in unguarded))
print(f"the course's way finds a site above 100,000 bytes: {any(size > 100_000 for _, _, size in unguarded)}")
print(f"the course's way names a tracemalloc.py line: "
      f"{any(os.path.basename(f) == 'tracemalloc.py' for f, _, _ in unguarded)}")

appended = []
for i in range(50_000):
    appended.append(i)
sized = list(range(50_000))
print(f"list of 50,000 built by append: {sys.getsizeof(appended):,} bytes; "
      f"built at its final length: {sys.getsizeof(sized):,} bytes")
print(f"'x' * 1,000,000: {sys.getsizeof('x' * 1_000_000):,} bytes")
# The workload itself, timed with tracemalloc off: the page sets this figure
# beside the Rust variant building a list, a map and a string of the same
# sizes, each reserved at its final size.
micros = best_time_us(workload)
print(f"timing: variant optimized at list=50000, map=10000, chars=1000000: {micros:.1f} us per call, "
      f"best of {REPEATS} (tracemalloc off)")
print(f"top three sorted by size: {[t[2] for t in top] == sorted((t[2] for t in top), reverse=True)}")
