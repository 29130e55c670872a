# wrong: everything as the task asks, but the bounded cache's answers are never compared with handle's: the line confirming them says True whatever they are
# fails: the program confirms `BoundedCache` answers as `handle` does: run again with a `BoundedCache` that answers one more, it says False
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
    counter = collections.Counter()
    for obj in gc.get_objects():
        counter[type(obj).__name__] += 1
    return counter


def detect_leak(func, iterations):
    mine = not tracemalloc.is_tracing()
    if mine:
        tracemalloc.start()
    gc.collect()
    before = tracemalloc.take_snapshot()
    i = 0
    while i < iterations:
        func(i)
        i += 1
    gc.collect()
    after = tracemalloc.take_snapshot()
    if mine:
        tracemalloc.stop()
    diffs = after.compare_to(before, "lineno")
    return sorted(((d.size_diff, d.traceback[0].filename, d.traceback[0].lineno) for d in diffs
                   if d.size_diff > 1024), reverse=True)


class BoundedCache:
    def __init__(self, limit):
        self.limit = limit
        self.store = {}

    def handle(self, key):
        report = self.store.pop(key, None)
        if report is None:
            report = Report(key, bytes([key % 251]) * REPORT_BYTES)
            while len(self.store) >= self.limit:
                del self.store[next(iter(self.store))]
        self.store[key] = report
        return report.key + report.body[0]


def show(label, found):
    text = ", ".join(f"line {line} (+{size:,} bytes)" for size, _, line in found) or "nothing"
    print(f"{label}: {text}")


live_types()
leak = detect_leak(handle, 100)
show("detect_leak(handle, 100)", leak)
show("detect_leak on keys 100-199", detect_leak(lambda i: handle(100 + i), 100))

_cache.clear()
k = 0
while k < 50:
    handle(k)
    k += 1
middle = live_types()
while k < 100:
    handle(k)
    k += 1
growth = live_types() - middle
print("types up by 10 or more:", ", ".join(f"{name} (+{n})" for name, n in growth.items() if n >= 10) or "none")

small = BoundedCache(10)
tracemalloc.start()
show("bounded, 100 keys", detect_leak(small.handle, 100))
show("bounded, next 100 keys", detect_leak(lambda i: small.handle(100 + i), 100))
tracemalloc.stop()
same = True
print("bounded cache answers the same:", same)

top_size, top_file, top_line = leak[0]
points = "_cache[key] = Report" in linecache.getline(top_file, top_line)
print(f"The diff points at the caching line, over 100 KB = {points and top_size > 102_400}")
