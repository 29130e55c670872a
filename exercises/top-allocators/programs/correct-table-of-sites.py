# correct: keeps the result under another name, ranks with sorted(), prints the sites and the P6-style report as tables in bytes and KiB.
import sys
import tracemalloc
from pathlib import Path

THIS = Path(__file__).name


def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


def top_allocators(work, limit=3):
    tracemalloc.start()
    try:
        first = tracemalloc.take_snapshot()
        result = work()
        second = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    only_here = (tracemalloc.Filter(True, __file__),)
    diffs = second.filter_traces(only_here).compare_to(first.filter_traces(only_here), "lineno")
    ranked = sorted(diffs, key=lambda d: d.size_diff, reverse=True)[:limit]
    del result
    return [(d.traceback[0].filename, d.traceback[0].lineno, d.size_diff, d.count_diff) for d in ranked]


def p6_style(work):
    tracemalloc.start()
    first = tracemalloc.take_snapshot()
    work()
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    return second.compare_to(first, "lineno")[:3]


def show(rows, title):
    print(title)
    print(f"  {'file':<22}{'line':>6}{'size_diff':>12}{'KiB':>9}{'count_diff':>12}")
    for fname, line, size, count in rows:
        print(f"  {Path(fname).name:<22}{line:>6}{size:>+12d}{size / 1024:>+9.1f}{count:>+12d}")


top = top_allocators(workload)
show(top, "workload, this file only, result kept:")

course = [(d.traceback[0].filename, d.traceback[0].lineno, d.size_diff, d.count_diff)
          for d in p6_style(workload)]
show(course, "course's P6 way, result dropped, every file:")
big_site = max((row[2] for row in course), default=0) > 100_000
names_tm = any(Path(row[0]).name == "tracemalloc.py" for row in course)
print(f"the course's way finds a site above 100,000 bytes -> {big_site}")
print(f"the course's way names a tracemalloc.py line -> {names_tm}")

grown = []
n = 0
while n < 50_000:
    grown.append(n)
    n += 1
exact = [0] * 50_000
print(f"append-built list: {sys.getsizeof(grown)} B ({sys.getsizeof(grown) / 1024:.1f} KiB); "
      f"final-length list: {sys.getsizeof(exact)} B ({sys.getsizeof(exact) / 1024:.1f} KiB)")

descending = all(top[k][2] >= top[k + 1][2] for k in range(len(top) - 1))
print("top three sorted by size:", descending)
