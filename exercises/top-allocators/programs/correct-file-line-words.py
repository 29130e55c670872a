# correct: completes the starter's top_allocators, adds a separate course_way helper for step 2, and reports every figure in sentences.
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
    sites = []
    for stat in stats[:limit]:
        frame = stat.traceback[0]
        sites.append((frame.filename, frame.lineno, stat.size_diff, stat.count_diff))
    del kept
    return sites


def course_way(work, limit=3):
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    work()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = after.compare_to(before, "lineno")
    return [(s.traceback[0].filename, s.traceback[0].lineno, s.size_diff, s.count_diff)
            for s in stats[:limit]]


sites = top_allocators(workload)
print("Top three allocation sites of the workload:")
for filename, lineno, size_diff, count_diff in sites:
    print(f"  {os.path.basename(filename)} line {lineno} grew by {size_diff} bytes in {count_diff} blocks")

reported = course_way(workload)
print("The course's P6 way (result dropped, every file compared) reports:")
for filename, lineno, size_diff, count_diff in reported:
    print(f"  {os.path.basename(filename)} line {lineno}: {size_diff:+d} bytes, {count_diff:+d} blocks")
print("the course's way finds a site above 100,000 bytes:",
      any(size > 100_000 for _, _, size, _ in reported))
print("the course's way names a tracemalloc.py line:",
      any(os.path.basename(name) == "tracemalloc.py" for name, _, _, _ in reported))

appended = []
for i in range(50_000):
    appended.append(i)
one_step = list(range(50_000))
print(f"A list grown by append takes {sys.getsizeof(appended)} bytes; "
      f"one built at its final length takes {sys.getsizeof(one_step)} bytes.")

sizes = [size for _, _, size, _ in sites]
print(f"top three sorted by size: {sizes == sorted(sizes, reverse=True)}")
