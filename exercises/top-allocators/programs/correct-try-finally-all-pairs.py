# correct: top_allocators keeps the result in try/finally and deletes it after comparing; the course's way as a helper returning 4-tuples; full paths printed; the sort check with all() over pairs
import sys
import tracemalloc


def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


def top_allocators(work, limit=3):
    mine = [tracemalloc.Filter(True, __file__)]
    tracemalloc.start()
    try:
        first = tracemalloc.take_snapshot()
        kept = work()
        second = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    diffs = second.filter_traces(mine).compare_to(first.filter_traces(mine), "lineno")
    grew = sorted((d for d in diffs if d.size_diff > 0), key=lambda d: d.size_diff, reverse=True)
    result = []
    for d in grew[:limit]:
        frame = d.traceback[0]
        result.append((frame.filename, frame.lineno, d.size_diff, d.count_diff))
    del kept
    return result


def course_way(work, limit=3):
    tracemalloc.start()
    first = tracemalloc.take_snapshot()
    work()
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = second.compare_to(first, "lineno")[:limit]
    return [(s.traceback[0].filename, s.traceback[0].lineno, s.size_diff, s.count_diff) for s in stats]


top = top_allocators(workload)
print("biggest growth in this file:")
for filename, lineno, size, blocks in top:
    print(f"  line {lineno}: {size:+,} bytes in {blocks:+,} blocks")

reported = course_way(workload)
print("the course's way reports:")
for filename, lineno, size, blocks in reported:
    print(f"  {filename}:{lineno}: {size:+,} bytes in {blocks:+,} blocks")
print(f"the course's way finds a site above 100,000 bytes: {any(r[2] > 100_000 for r in reported)}")
print(f"the course's way names a tracemalloc.py line: "
      f"{any(r[0].endswith('tracemalloc.py') for r in reported)}")

grown = []
for i in range(50_000):
    grown.append(i)
exact = list(range(50_000))
print(f"getsizeof of 50,000 ints appended one by one: {sys.getsizeof(grown):,} bytes")
print(f"getsizeof of 50,000 ints built at their final length: {sys.getsizeof(exact):,} bytes")

sizes = [row[2] for row in top]
print(f"top three sorted by size: {all(a >= b for a, b in zip(sizes, sizes[1:]))}")
