"""Heapwise reference program for leak-detection (P8, L-288 section 8).

A request handler caches one report per key in a module-level dict and never
evicts anything. Two ways to catch it: a tracemalloc diff across many calls
points at the caching line, and counting live objects by type between two
checkpoints shows which type keeps growing. A bounded cache fixes it.
"""
import collections
import gc
import linecache
import os
import platform
import struct
import sys
import tracemalloc

THIS_FILE = os.path.abspath(__file__)
REPORT_BYTES = 1024
BOUND = 10


class Report:
    __slots__ = ("key", "body")

    def __init__(self, key, body):
        self.key = key
        self.body = body


_cache = {}


def handle(key):
    """The leaky handler: every new key stays in the global dict forever."""
    report = _cache.get(key)
    if report is None:
        report = _cache[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
    return report.key + report.body[0]


class BoundedCache:
    """Keeps the BOUND most recently used reports, evicting the oldest."""

    def __init__(self, bound):
        self.bound = bound
        self.reports = collections.OrderedDict()

    def handle(self, key):
        report = self.reports.get(key)
        if report is None:
            if len(self.reports) == self.bound:
                self.reports.popitem(last=False)
            report = self.reports[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
        else:
            self.reports.move_to_end(key)
        return report.key + report.body[0]


def requests(keys):
    """Each key twice in a row, then the previous key once more."""
    for key in keys:
        yield key
        yield key
        if key > 0:
            yield key - 1


def live_types():
    """How many objects of each type the garbage collector is tracking."""
    return collections.Counter(type(o).__name__ for o in gc.get_objects())


def serve(handler, keys):
    """Serves keys 0..keys-1 in two halves; returns the diff over all of it
    and the types whose count grew during the second half."""
    tracemalloc.start()
    start = tracemalloc.take_snapshot()
    total = sum(handler(k) for k in requests(range(keys // 2)))
    halfway = live_types()
    total += sum(handler(k) for k in requests(range(keys // 2, keys)))
    growing = live_types() - halfway
    end = tracemalloc.take_snapshot()
    tracemalloc.stop()
    only_this_file = [tracemalloc.Filter(True, THIS_FILE)]
    changes = end.filter_traces(only_this_file).compare_to(start.filter_traces(only_this_file), "lineno")
    return changes, growing, total


def suspects(growing):
    """Types whose count grew by 10 or more, as 'Report +50'."""
    grown = [f"{name} +{n}" for name, n in sorted(growing.items()) if n >= 10]
    return ", ".join(grown) or "none"


def describe(stat):
    frame = stat.traceback[0]
    code = linecache.getline(frame.filename, frame.lineno).strip()
    return f"{os.path.basename(frame.filename)}:{frame.lineno}: {stat.size_diff:+,} bytes, {stat.count_diff:+,} blocks  | {code}"


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")
object_bytes, body_bytes = sys.getsizeof(Report(0, b"")), sys.getsizeof(bytes(REPORT_BYTES))
print(f"one cached report: {object_bytes + body_bytes:,} bytes (object {object_bytes:,}, "
      f"body {body_bytes:,} for {REPORT_BYTES:,} bytes of data)")

# The first count by type fills some of the interpreter's own caches;
# do it once before measuring so they do not show up as growth.
live_types()

leaky_changes, leaky_growing, leaky_total = serve(handle, 100)
print("unbounded cache, 100 keys, top change:", describe(leaky_changes[0]))
print("types that grew by 10 or more in the second 50 keys:", suspects(leaky_growing))

bounded = BoundedCache(BOUND)
bounded_changes, bounded_growing, bounded_total = serve(bounded.handle, 100)
print(f"bounded cache ({BOUND} reports), top change:", describe(bounded_changes[0]))
print("types that grew by 10 or more in the second 50 keys:", suspects(bounded_growing))
print(f"same answers: {leaky_total == bounded_total}")
top = leaky_changes[0]
caching_line = linecache.getline(top.traceback[0].filename, top.traceback[0].lineno)
print(f"the diff points at the caching line, over 100 KB: {'_cache[key] =' in caching_line and top.size_diff > 100 * 1024}")
