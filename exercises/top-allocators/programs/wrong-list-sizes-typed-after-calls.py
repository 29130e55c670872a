# wrong: calls sys.getsizeof on both lists and drops the answers, then prints the two sizes typed in from a 64-bit CPython 3.11 run
# fails: the sizes of the appended and the preallocated list are printed
import os
import sys
import tracemalloc

def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text

def top_allocators(work, limit=3):
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    kept = work()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    mine = [tracemalloc.Filter(True, __file__)]
    stats = after.filter_traces(mine).compare_to(before.filter_traces(mine), "lineno")
    stats.sort(key=lambda s: s.size_diff, reverse=True)
    del kept
    return [(s.traceback[0].filename, s.traceback[0].lineno, s.size_diff, s.count_diff) for s in stats[:limit]]

sites = top_allocators(workload)
for filename, lineno, size, count in sites:
    print(f"{os.path.basename(filename)}:{lineno}  {size:+,} bytes in {count:+,} blocks")

tracemalloc.start()
s1 = tracemalloc.take_snapshot()
workload()
s2 = tracemalloc.take_snapshot()
tracemalloc.stop()
course = s2.compare_to(s1, "lineno")[:3]
print("the course's way reports:")
for stat in course:
    print("  ", stat)
print("the course's way finds a site above 100,000 bytes:", any(s.size_diff > 100_000 for s in course))
print("the course's way names a tracemalloc.py line:",
      any(s.traceback[0].filename.endswith("tracemalloc.py") for s in course))

appended = []
for i in range(50_000):
    appended.append(i)
at_once = list(range(50_000))
sys.getsizeof(appended), sys.getsizeof(at_once)
print("appended one at a time: 444,376 bytes; built at final length: 400,056 bytes")

sizes = [size for _, _, size, _ in sites]
print("top three sorted by size:", all(a >= b for a, b in zip(sizes, sizes[1:])))
