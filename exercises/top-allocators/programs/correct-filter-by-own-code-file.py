# correct: keeps its own file's lines by `top_allocators.__code__.co_filename` (no snapshot filters), ranks them with heapq.nlargest and checks the order with pairwise zip
import heapq
import sys
import tracemalloc

def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


def top_allocators(work, limit=3):
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        kept = work()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    here = top_allocators.__code__.co_filename
    diffs = after.compare_to(before, "lineno")
    mine = [d for d in diffs if d.traceback[0].filename == here]
    best = heapq.nlargest(limit, mine, key=lambda d: d.size_diff)
    del kept
    return [(d.traceback[0].filename, d.traceback[0].lineno, d.size_diff, d.count_diff)
            for d in best]


sites = top_allocators(workload)
print("top allocation sites of workload():")
for filename, lineno, size, count in sites:
    print(f"  line {lineno}: +{size:,} bytes in {count:,} blocks")

# The course's P6 way: result dropped at once, every file compared.
tracemalloc.start()
first = tracemalloc.take_snapshot()
workload()
second = tracemalloc.take_snapshot()
tracemalloc.stop()
course = second.compare_to(first, "lineno")[:3]
print("the course's way reports:")
for stat in course:
    print("  ", stat)
print("the course's way finds a site above 100,000 bytes:",
      any(stat.size_diff > 100_000 for stat in course))
print("the course's way names a tracemalloc.py line:",
      any(stat.traceback[0].filename.endswith("tracemalloc.py") for stat in course))

grown = []
for i in range(50_000):
    grown.append(i)
presized = list(range(50_000))
print(f"list grown by append: {sys.getsizeof(grown):,} bytes")
print(f"list built at its final length: {sys.getsizeof(presized):,} bytes")

sizes = [size for _, _, size, _ in sites]
print("top three sorted by size:", all(a >= b for a, b in zip(sizes, sizes[1:])))
