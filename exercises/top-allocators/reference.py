"""Heapwise reference program for top-allocators (P6).

Profiles a workload with three distinct allocations and reports the three
allocation sites that hold the most memory, biggest first. Then shows the
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


def top_allocators(work, limit=3):
    """Runs work() under tracemalloc; returns its biggest sites as
    (file:line, name assigned there, bytes, blocks), biggest first."""
    tracemalloc.start()
    kept = work()
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    del kept
    stats = snapshot.filter_traces([tracemalloc.Filter(True, THIS_FILE)]).statistics("lineno")
    top = []
    for stat in stats[:limit]:
        frame = stat.traceback[0]
        assigned = linecache.getline(frame.filename, frame.lineno).split("=")[0].strip()
        top.append((f"{os.path.basename(frame.filename)}:{frame.lineno}", assigned, stat.size, stat.count))
    return top


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

top = top_allocators(workload)
for rank, (where, name, size, blocks) in enumerate(top, start=1):
    print(f"{rank}. {where} ({name}): {size:,} bytes in {blocks:,} block{'' if blocks == 1 else 's'}")

appended = []
for i in range(50_000):
    appended.append(i)
sized = list(range(50_000))
print(f"list of 50,000 built by append: {sys.getsizeof(appended):,} bytes; "
      f"built at its final length: {sys.getsizeof(sized):,} bytes")
print(f"'x' * 1,000,000: {sys.getsizeof('x' * 1_000_000):,} bytes")
print(f"top three sorted by size: {[t[2] for t in top] == sorted((t[2] for t in top), reverse=True)}")
