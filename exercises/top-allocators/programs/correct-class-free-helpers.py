# correct: written from the task text: top_allocators keeps work()'s result in a tuple, filters after compare_to with a list comprehension on the frame's filename, heapq.nlargest for the biggest; sites printed as "line N grew B bytes"; the course's way in a helper that reports its top three; the list sizes with %-formatting; the conclusion computed with all() over pairs
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
    snap_a = tracemalloc.take_snapshot()
    holder = (work(),)
    snap_b = tracemalloc.take_snapshot()
    tracemalloc.stop()
    mine = [tracemalloc.Filter(True, __file__)]
    entries = snap_b.filter_traces(mine).compare_to(snap_a.filter_traces(mine), "lineno")
    grew = [e for e in entries if e.size_diff > 0]
    best = heapq.nlargest(limit, grew, key=lambda e: e.size_diff)
    del holder
    return [(e.traceback[0].filename, e.traceback[0].lineno, e.size_diff, e.count_diff) for e in best]


def course_report(work):
    tracemalloc.start()
    a = tracemalloc.take_snapshot()
    work()
    b = tracemalloc.take_snapshot()
    tracemalloc.stop()
    return b.compare_to(a, "lineno")[:3]


found = top_allocators(workload)
for filename, lineno, grown, blocks in found:
    print(f"line {lineno} grew {grown} bytes ({blocks} blocks)")

course = course_report(workload)
for entry in course:
    print("course's P6 reports:", entry)
print("the course's way finds a site above 100,000 bytes:", any(e.size_diff > 100_000 for e in course))
print("the course's way names a tracemalloc.py line:",
      any(e.traceback[0].filename.endswith("tracemalloc.py") for e in course))

one_by_one = []
for k in range(50_000):
    one_by_one.append(k)
final_length = list(range(50_000))
print("appended: %d bytes, final length at once: %d bytes" % (sys.getsizeof(one_by_one), sys.getsizeof(final_length)))

sizes = [grown for _, _, grown, _ in found]
print("top three sorted by size:", all(a >= b for a, b in zip(sizes, sizes[1:])))
