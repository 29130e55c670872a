# wrong: half the task: detect_leak is right and finds the caching line twice, but there are no type counts and no bounded cache
# fails: the program prints the types whose count grew by 10 or more: `Report`
# fails: `BoundedCache(10).handle(key)` gives the same answers as `handle`
# fails: `BoundedCache` keeps only the 10 most recently used reports
# fails: the program prints what `detect_leak` finds for a fresh `BoundedCache(10)`: its line, grown by about ten reports, as measured
import collections
import gc
import linecache
import tracemalloc

REPORT_BYTES = 1024


class Report:
    __slots__ = ("key", "body")

    def __init__(self, key, body):
        self.key = key
        self.body = body


_cache = {}


def handle(key):
    report = _cache.get(key)
    if report is None:
        report = _cache[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
    return report.key + report.body[0]


def live_types():
    return collections.Counter(type(o).__name__ for o in gc.get_objects())


def detect_leak(func, iterations):
    tracemalloc.start()
    gc.collect()
    before = tracemalloc.take_snapshot()
    for i in range(iterations):
        func(i)
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = after.compare_to(before, "lineno")
    return sorted([(s.size_diff, s.traceback[0].filename, s.traceback[0].lineno) for s in stats if s.size_diff > 1024],
                  reverse=True)


first = detect_leak(handle, 100)
print("100 keys:", first)
print("next 100 keys:", detect_leak(lambda i: handle(100 + i), 100))
print("the diff points at the caching line, over 100 KB:", "_cache[key] =" in linecache.getline(first[0][1], first[0][2]) and first[0][0] > 102400)
