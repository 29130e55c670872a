# wrong: round 13: the last line checks only that the first diff is over 100 KB, never which line it names
# fails: the program ends by saying whether the diff points at the caching line, over 100 KB, as found
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
    return collections.Counter(type(o).__name__ for o in gc.get_objects())


def detect_leak(func, iterations):
    gc.collect()
    before = tracemalloc.take_snapshot()
    for i in range(iterations):
        func(i)
    gc.collect()
    after = tracemalloc.take_snapshot()
    rows = []
    for stat in after.compare_to(before, "lineno"):
        if stat.size_diff > 1024:
            frame = stat.traceback[0]
            rows.append((stat.size_diff, frame.filename, frame.lineno))
    return sorted(rows, reverse=True)


class BoundedCache:
    def __init__(self, size):
        self.size = size
        self.items = collections.OrderedDict()

    def handle(self, key):
        if key in self.items:
            self.items.move_to_end(key)
            report = self.items[key]
        else:
            report = self.items[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
            if len(self.items) > self.size:
                self.items.popitem(last=False)
        return report.key + report.body[0]


tracemalloc.start()
first = detect_leak(handle, 100)
print("first 100 keys:", first)
print("next 100 keys:", detect_leak(lambda i: handle(i + 100), 100))
tracemalloc.stop()

baseline = live_types()
for k in range(200, 250):
    handle(k)
half = live_types()
for k in range(250, 300):
    handle(k)
grew = {t: c for t, c in (live_types() - half).items() if c >= 10}
print("types grown by >= 10:", grew)

cache = BoundedCache(10)
tracemalloc.start()
print("bounded, first 100 keys:", detect_leak(cache.handle, 100))
print("bounded, next 100 keys:", detect_leak(lambda i: cache.handle(i + 100), 100))
tracemalloc.stop()
half = live_types()
for k in range(200, 250):
    cache.handle(k)
print("bounded, types grown by >= 10:", {t: c for t, c in (live_types() - half).items() if c >= 10})
print("answers unchanged:", all(cache.handle(k) == handle(k) for k in range(300)))
print("the diff points at the caching line, over 100 KB: " + str(bool(first) and first[0][0] > 100_000))
