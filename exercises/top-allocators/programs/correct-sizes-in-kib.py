# correct: the compared results filtered by filename rather than the snapshots, sites as namedtuples, and both list sizes printed in KiB (434.0 KiB for 444,376 bytes), as str.format gives them
import heapq
import sys
import tracemalloc
from collections import namedtuple

def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text

Site = namedtuple("Site", "filename lineno size_diff count_diff")

def top_allocators(work, limit=3):
    tracemalloc.start()
    first = tracemalloc.take_snapshot()
    result = work()
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    mine = [d for d in second.compare_to(first, "lineno")
            if d.traceback[0].filename == __file__]
    best = heapq.nlargest(limit, mine, key=lambda d: d.size_diff)
    sites = [Site(d.traceback[0].filename, d.traceback[0].lineno, d.size_diff, d.count_diff)
             for d in best]
    del result
    return [tuple(s) for s in sites]

found = top_allocators(workload)
print("{:>6} {:>12} {:>8}".format("line", "KiB", "blocks"))
for site in found:
    s = Site(*site)
    print("{:>6} {:>12.1f} {:>8}".format(s.lineno, s.size_diff / 1024, s.count_diff))

# the course's P6 way: nothing kept, every file compared
tracemalloc.start()
snap_a = tracemalloc.take_snapshot()
workload()
snap_b = tracemalloc.take_snapshot()
tracemalloc.stop()
course = snap_b.compare_to(snap_a, "lineno")
print("course's P6 comparison ({} sites):".format(len(course)))
for d in course[:3]:
    print("  {}:{} {:+.1f} KiB".format(d.traceback[0].filename, d.traceback[0].lineno, d.size_diff / 1024))
reported = course[:3]
above = max((d.size_diff for d in reported), default=0) > 100_000
tm_line = any("tracemalloc.py" in d.traceback[0].filename for d in reported)
print("the course's way finds a site above 100,000 bytes: {}".format(above))
print("the course's way names a tracemalloc.py line: {}".format(tm_line))

grown = []
for v in range(50_000):
    grown.append(v)
at_once = [0] * 50_000
print("append-built list: {:.1f} KiB, built at final length: {:.1f} KiB".format(
    sys.getsizeof(grown) / 1024, sys.getsizeof(at_once) / 1024))

ordered = all(a[2] >= b[2] for a, b in zip(found, found[1:]))
print("top three sorted by size: {}".format(ordered))
