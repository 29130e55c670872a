# wrong: the type counts are not taken after 50 and after 100 keys: one count before the first key and one after the last, and the growth printed for "between 50 and 100 keys" is half the total growth, worked out rather than counted
# fails: the program prints the types whose count grew by 10 or more: `Report`
import collections
import gc
import inspect
import os
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
    gc.collect()
    before = tracemalloc.take_snapshot()
    for i in range(iterations):
        func(i)
    gc.collect()
    after = tracemalloc.take_snapshot()
    grown = [(stat.size_diff, stat.traceback[0].filename, stat.traceback[0].lineno)
             for stat in after.compare_to(before, "lineno") if stat.size_diff > 1024]
    return sorted(grown, reverse=True)

class BoundedCache:
    def __init__(self, size):
        self.size = size
        self._reports = collections.OrderedDict()

    def handle(self, key):
        report = self._reports.get(key)
        if report is None:
            report = self._reports[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
            if len(self._reports) > self.size:
                self._reports.popitem(last=False)
        else:
            self._reports.move_to_end(key)
        return report.key + report.body[0]

def line_of(func, text):
    lines, start = inspect.getsourcelines(func)
    return func.__code__.co_filename, start + next(n for n, s in enumerate(lines) if text in s)

def list_lines(title, found):
    print(f"{title}:")
    if not found:
        print("  no line grew by more than 1,024 bytes")
    for size, filename, lineno in found:
        print(f"  {size:>8,} bytes  {os.path.basename(filename)}:{lineno}")

def counting(func, into):
    marks = {}
    def wrapped(i):
        if i == 0:
            marks["start"] = live_types()
        func(i)
        if i == 99:
            # 100 new keys in all, one report each: the last 50 account for half the growth
            diff = live_types() - marks.pop("start")
            into.extend((n, c // 2) for n, c in diff.most_common() if c // 2 >= 10)
    return wrapped

def run_checks(label, answer):
    grown = []
    live_types()                      # warm-up count: fills interpreter caches once
    tracemalloc.start()
    first = detect_leak(counting(answer, grown), 100)
    second = detect_leak(lambda i: answer(100 + i), 100)
    tracemalloc.stop()
    list_lines(f"{label}: first 100 keys", first)
    list_lines(f"{label}: next 100 keys", second)
    print(f"{label}: types grown by 10 or more between 50 and 100 keys: "
          + (", ".join(f"{n} +{c}" for n, c in grown) or "none"))
    return first, second

cache_file, cache_line = line_of(handle, "_cache[key] =")
first, _ = run_checks("dict cache", handle)
print(f"caching line: {os.path.basename(cache_file)}:{cache_line}")

bounded = BoundedCache(10)
bounded_line = line_of(BoundedCache.handle, "Report(")[1]
run_checks("BoundedCache(10)", bounded.handle)
print(f"BoundedCache caching line: {bounded_line}, reports kept: {len(bounded._reports)}")

keys = [3, 7, 3, 250, 251, 12, 7, 999, 3] + list(range(40)) + [0, 39, 5]
probe = BoundedCache(10)
same = [probe.handle(k) for k in keys] == [handle(k) for k in keys]
print(f"BoundedCache(10) answers as handle does: {same}")

hit = bool(first) and first[0][1] == cache_file and first[0][2] == cache_line and first[0][0] > 100 * 1024
print(f"the diff points at the caching line, over 100 KB: {hit}")
