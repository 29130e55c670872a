# wrong: live_types counts by type object, not by type name (mutant)
# fails: `live_types()` counts the objects the garbage collector tracks, by type name
"""Heapwise reference program for leak-detection (P8, L-288 section 8).

A request handler caches one report per key in a module-level dict and never evicts anything. Two
ways to catch it: a tracemalloc diff across many calls points at the caching line, and counting
live objects by type at two checkpoints shows which type keeps growing. A bounded cache fixes it.
"""
import collections
import gc
import linecache
import os
import platform
import struct
import sys
import time
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
    return collections.Counter(type(o) for o in gc.get_objects())


def detect_leak(func, iterations, threshold=1024):
    """Calls func(i) for i in range(iterations) between two snapshots, each
    taken right after gc.collect(); returns (size_diff, filename, lineno)
    for every line that grew by more than `threshold` bytes, biggest first."""
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    gc.collect()  # garbage waiting for the collector is not growth
    before = tracemalloc.take_snapshot()
    for i in range(iterations):
        func(i)
    gc.collect()
    after = tracemalloc.take_snapshot()
    if started_here:
        tracemalloc.stop()
    grown = [(stat.size_diff, stat.traceback[0].filename, stat.traceback[0].lineno)
             for stat in after.compare_to(before, "lineno") if stat.size_diff > threshold]
    return sorted(grown, reverse=True)


def serve(handler, keys):
    """Serves keys 0..keys-1 in two halves; returns the types whose count
    grew during the second half, and the sum of the answers."""
    total = sum(handler(k) for k in requests(range(keys // 2)))
    halfway = live_types()
    total += sum(handler(k) for k in requests(range(keys // 2, keys)))
    return live_types() - halfway, total


def suspects(growing):
    """Types whose count grew by 10 or more, as 'Report +50'."""
    grown = [f"{name} +{n}" for name, n in sorted(growing.items()) if n >= 10]
    return ", ".join(grown) or "none"


def describe(leaks):
    """The lines detect_leak found, as 'reference.py:37 +115,124 bytes | code'."""
    if not leaks:
        return "none"
    return "; ".join(f"{os.path.basename(filename)}:{lineno} {size:+,} bytes  | "
                     f"{linecache.getline(filename, lineno).strip()}" for size, filename, lineno in leaks)


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")
object_bytes, body_bytes = sys.getsizeof(Report(0, b"")), sys.getsizeof(bytes(REPORT_BYTES))
print(f"one cached report: {object_bytes + body_bytes:,} bytes (object {object_bytes:,}, "
      f"body {body_bytes:,} for {REPORT_BYTES:,} bytes of data)")

# The first count by type fills some of the interpreter's own caches;
# do it once before measuring so they do not show up as growth.
live_types()

leaks = detect_leak(handle, 100)
print("detect_leak(handle, 100), lines grown by more than 1,024 bytes:", describe(leaks))
more = detect_leak(lambda i: handle(100 + i), 100)
print("the next 100 keys, lines grown by more than 1,024 bytes:", describe(more))
# One trace across both rounds: a report allocated before tracing began
# would not be seen when it is freed, and its replacement would look like growth.
tracemalloc.start()
bounded = BoundedCache(BOUND)
print(f"bounded cache ({BOUND} reports), first 100 keys, lines grown by more than 1,024 bytes:",
      describe(detect_leak(bounded.handle, 100)))
print(f"bounded cache ({BOUND} reports), next 100 keys, lines grown by more than 1,024 bytes:",
      describe(detect_leak(lambda i: bounded.handle(100 + i), 100)))
tracemalloc.stop()

_cache.clear()
leaky_growing, leaky_total = serve(handle, 100)
print("unbounded cache: types that grew by 10 or more in the second 50 keys:", suspects(leaky_growing))
bounded_growing, bounded_total = serve(BoundedCache(BOUND).handle, 100)
print(f"bounded cache: types that grew by 10 or more in the second 50 keys:", suspects(bounded_growing))
print(f"same answers: {leaky_total == bounded_total}")
# The bounded cache answering the requests for 100 keys, untraced: the page
# sets this time beside the Rust service with a bounded cache, as many keys.
us = best_time_us(lambda: sum(map(BoundedCache(BOUND).handle, requests(range(100)))), calls=100)
print(f"timing: variant optimized at keys=100: {us:.1f} us per call, best of 5 (tracemalloc off)")
top_size, top_file, top_line = leaks[0]
caching_line = linecache.getline(top_file, top_line)
print(f"the diff points at the caching line, over 100 KB: {'_cache[key] =' in caching_line and top_size > 100 * 1024}")
