# wrong: (c) BoundedCache is first-in first-out: a hit does not make a report most recently used
# fails: `BoundedCache` keeps only the 10 most recently used reports
import collections
import gc
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
    counts = collections.Counter()
    for obj in gc.get_objects():
        counts[type(obj).__name__] += 1
    return counts

def detect_leak(func, iterations):
    gc.collect()
    first = tracemalloc.take_snapshot()
    for i in range(iterations):
        func(i)
    gc.collect()
    second = tracemalloc.take_snapshot()
    grown = []
    for stat in second.compare_to(first, "lineno"):
        if stat.size_diff > 1024:
            frame = stat.traceback[0]
            grown.append((stat.size_diff, frame.filename, frame.lineno))
    grown.sort(reverse=True)
    return grown

class BoundedCache:
    def __init__(self, size):
        self.size = size
        self.entries = collections.OrderedDict()

    def handle(self, key):
        report = self.entries.get(key)
        if report is None:
            report = Report(key, bytes([key % 251]) * REPORT_BYTES)
            self.entries[key] = report
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)

        return report.key + report.body[0]

def show(title, found):
    print(title)
    if not found:
        print("  nothing grew by more than 1,024 bytes")
    for size, filename, lineno in found[:3]:
        print(f"  +{size} bytes at {filename}:{lineno}")

tracemalloc.start()
first = detect_leak(handle, 100)
show("dict cache, keys 0-99:", first)
second = detect_leak(lambda i: handle(100 + i), 100)
show("dict cache, keys 100-199:", second)
tracemalloc.stop()

halfway = None
def counting(i):
    global halfway
    if i == 50:
        halfway = live_types()
    return handle(200 + i)
for i in range(100):
    counting(i)
end_counts = live_types()
for name in sorted(end_counts):
    if end_counts[name] - halfway.get(name, 0) >= 10:
        print(f"  type {name} grew by {end_counts[name] - halfway.get(name, 0)}")

bounded = BoundedCache(10)
tracemalloc.start()
b_first = detect_leak(bounded.handle, 100)
show("BoundedCache(10), keys 0-99:", b_first)
b_second = detect_leak(lambda i: bounded.handle(100 + i), 100)
show("BoundedCache(10), keys 100-199:", b_second)
tracemalloc.stop()
halfway = None
for i in range(100):
    if i == 50:
        halfway = live_types()
    bounded.handle(300 + i)
end_counts = live_types()
for name in sorted(end_counts):
    if end_counts[name] - halfway.get(name, 0) >= 10:
        print(f"  bounded: type {name} grew by {end_counts[name] - halfway.get(name, 0)}")
same = all(bounded.handle(k) == handle(k) for k in range(300))
print("bounded cache gives the same answers:", same)

import inspect
src, start = inspect.getsourcelines(handle)
caching_line = start + next(i for i, text in enumerate(src) if "_cache[key] =" in text)
top = first[0] if first else (0, "", 0)
print("the diff points at the caching line, over 100 KB:", top[2] == caching_line and top[0] > 100_000)
