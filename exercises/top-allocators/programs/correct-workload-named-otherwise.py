# correct: round 9 (written from the task alone): the workload is build_three, not the starter's workload (the task does not fix its name); top_allocators keeps work()'s result, the course's way in course_way
import sys
import tracemalloc
from operator import attrgetter


def build_three():
    ints = [n * 3 for n in range(50_000)]
    mapping = {n: n * 2 for n in range(10_000)}
    blob = "z" * 1_000_000
    return ints, mapping, blob


def top_allocators(work, limit=3):
    tracemalloc.start()
    start_shot = tracemalloc.take_snapshot()
    kept = work()
    end_shot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    ours = [tracemalloc.Filter(True, __file__)]
    diffs = end_shot.filter_traces(ours).compare_to(start_shot.filter_traces(ours), "lineno")
    ranked = sorted(diffs, key=attrgetter("size_diff"), reverse=True)[:limit]
    del kept
    return [(d.traceback[0].filename, d.traceback[0].lineno, d.size_diff, d.count_diff)
            for d in ranked]


def course_way(work, limit=3):
    """P6 as the course wrote it: result dropped, no filter."""
    tracemalloc.start()
    first = tracemalloc.take_snapshot()
    work()
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    return second.compare_to(first, "lineno")[:limit]


# step 1
sites = top_allocators(build_three)
for rank, (filename, lineno, size, count) in enumerate(sites, start=1):
    print(f"#{rank}: line {lineno} grew {size:,} bytes in {count:+,} blocks")

# step 2
reported = course_way(build_three)
print("the course's way reports:")
for stat in reported:
    print(f"    {stat}")
big_site = any(s.size_diff > 100_000 for s in reported)
names_tm = any(s.traceback[0].filename.endswith("tracemalloc.py") for s in reported)
print(f"the course's way finds a site above 100,000 bytes: {big_site}")
print(f"the course's way names a tracemalloc.py line: {names_tm}")

# step 3
grown = []
for n in range(50_000):
    grown.append(n)
sized = list(range(50_000))
print(f"getsizeof, 50,000 ints appended one at a time: {sys.getsizeof(grown):,} bytes")
print(f"getsizeof, 50,000 ints built at final length: {sys.getsizeof(sized):,} bytes")

# step 4
sizes = [size for _, _, size, _ in sites]
print(f"top three sorted by size: {all(x >= y for x, y in zip(sizes, sizes[1:]))}")
