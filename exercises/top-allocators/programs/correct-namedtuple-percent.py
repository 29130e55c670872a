# correct: written from the task alone (round 16): each statistic kept as a namedtuple, every figure printed with % from its fields
# reading: top_allocators keeps work()'s result in a local until after the
# second snapshot and returns the `limit` biggest size_diffs of this file.
# Step 2 prints the first three entries of an unfiltered compare_to made with
# the result thrown away; both statements are computed over those entries.
import os
import sys
import tracemalloc
from collections import namedtuple

Site = namedtuple("Site", "filename lineno size_diff count_diff")
THIS_FILE = os.path.abspath(__file__)


def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text


def _as_site(stat):
    frame = stat.traceback[0]
    return Site(frame.filename, frame.lineno, stat.size_diff, stat.count_diff)


def top_allocators(work, limit=3):
    tracemalloc.start()
    try:
        first = tracemalloc.take_snapshot()
        result = work()
        second = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    only_here = [tracemalloc.Filter(True, THIS_FILE)]
    diffs = second.filter_traces(only_here).compare_to(first.filter_traces(only_here), "lineno")
    diffs.sort(key=lambda d: d.size_diff, reverse=True)
    del result
    return [tuple(_as_site(d)) for d in diffs[:limit]]


def p6_style(work):
    tracemalloc.start()
    first = tracemalloc.take_snapshot()
    work()
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    return [_as_site(d) for d in second.compare_to(first, "lineno")[:3]]


sites = top_allocators(workload)
print("%-6s %12s %8s" % ("line", "size_diff", "blocks"))
for _, lineno, size_diff, count_diff in sites:
    print("%-6d %12d %8d" % (lineno, size_diff, count_diff))

print()
print("P6's way (result dropped, every file):")
reported = p6_style(workload)
for s in reported:
    print("  %s line %d: %+d bytes (%+d blocks)" % (os.path.basename(s.filename), s.lineno, s.size_diff, s.count_diff))
print("the course's way finds a site above 100,000 bytes:",
      any(s.size_diff > 100_000 for s in reported))
print("the course's way names a tracemalloc.py line:",
      any(os.path.basename(s.filename) == "tracemalloc.py" for s in reported))

print()
grown = []
for n in range(50_000):
    grown.append(n)
sized = [0] * 50_000
print("appended list: %d bytes" % sys.getsizeof(grown))
print("one-step list: %d bytes" % sys.getsizeof(sized))
print("spare capacity from appending: %d bytes" % (sys.getsizeof(grown) - sys.getsizeof(sized)))

ok = all(sites[k][2] >= sites[k + 1][2] for k in range(len(sites) - 1))
print("top three sorted by size:", ok)
