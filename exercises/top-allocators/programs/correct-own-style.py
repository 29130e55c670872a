# correct: top_allocators filters by filename after comparing, uses sorted() and a while loop to collect; the sites printed as tuples; the course's way printed as a list; predictions with "->"; the sort check compares with sorted(); the conclusion in quotes with "="
import sys
import tracemalloc


def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


def top_allocators(work, limit=3):
    tracemalloc.start()
    first = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
    result = work()
    second = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
    tracemalloc.stop()
    diffs = sorted(second.compare_to(first, "lineno"), key=lambda d: -d.size_diff)
    found = []
    i = 0
    while i < len(diffs) and len(found) < limit:
        frame = diffs[i].traceback[0]
        found.append((frame.filename, frame.lineno, diffs[i].size_diff, diffs[i].count_diff))
        i += 1
    del result
    return found


report = top_allocators(workload)
for site in report:
    print("site:", site)

tracemalloc.start()
earlier = tracemalloc.take_snapshot()
workload()
later = tracemalloc.take_snapshot()
tracemalloc.stop()
top = later.compare_to(earlier, "lineno")[:3]
print("P6 as the course wrote it:", [(str(t.traceback[0]), t.size_diff) for t in top])
print("the course's way finds a site above 100,000 bytes ->", max(t.size_diff for t in top) > 100_000)
print("the course's way names a tracemalloc.py line ->", any("tracemalloc.py" in str(t.traceback[0]) for t in top))

grown = []
for n in range(50_000):
    grown.append(n * 7)
exact = [0] * 50_000
print("getsizeof grown:", sys.getsizeof(grown), "getsizeof preallocated:", sys.getsizeof(exact))

sizes = [s[2] for s in report]
print("'Top three sorted by size' =", sizes == sorted(sizes, reverse=True))
