# wrong: the naive profile kept under the helper's name: one snapshot after work(), its statistics by line, no comparison with a snapshot taken before
# fails: `top_allocators` counts only what `work()` allocated, and keeps it alive until the second snapshot
import sys
import tracemalloc

def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text

def top_allocators(work, limit=3):
    tracemalloc.start()
    kept = work()
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
    tracemalloc.stop()
    return [(s.traceback[0].filename, s.traceback[0].lineno, s.size, s.count)
            for s in snapshot.statistics("lineno")[:limit]]

for site in top_allocators(workload):
    print("site", site)

tracemalloc.start()
first = tracemalloc.take_snapshot()
workload()
second = tracemalloc.take_snapshot()
tracemalloc.stop()
top = second.compare_to(first, "lineno")[:3]
for stat in top:
    print(stat)
print("the course's way finds a site above 100,000 bytes:", any(s.size_diff > 100_000 for s in top))
print("the course's way names a tracemalloc.py line:", any("tracemalloc.py" in s.traceback[0].filename for s in top))
grown = []
for i in range(50_000):
    grown.append(i)
print("append:", sys.getsizeof(grown), "final length:", sys.getsizeof(list(range(50_000))))
sizes = [site[2] for site in top_allocators(workload)]
print("top three sorted by size:", sizes == sorted(sizes, reverse=True))
