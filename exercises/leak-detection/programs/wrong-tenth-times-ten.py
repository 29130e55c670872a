# wrong: prints, for each round, ten times the growth detect_leak finds over 10 keys instead of what it finds over 100
# fails: the program prints what `detect_leak` finds for 100 keys and for the next 100: the caching line
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


MINE = [tracemalloc.Filter(True, __file__)]


def detect_leak(func, iterations):
    gc.collect()
    first = tracemalloc.take_snapshot().filter_traces(MINE)
    for i in range(iterations):
        func(i)
    gc.collect()
    second = tracemalloc.take_snapshot().filter_traces(MINE)
    found = []
    for stat in second.compare_to(first, "lineno"):
        if stat.size_diff > 1024:
            frame = stat.traceback[0]
            found.append((stat.size_diff, frame.filename, frame.lineno))
    found.sort(reverse=True)
    return found


class BoundedCache:
    def __init__(self, size=10):
        self.size = size
        self.kept = collections.OrderedDict()

    def handle(self, key):
        if key in self.kept:
            self.kept.move_to_end(key)
            report = self.kept[key]
        else:
            report = Report(key, bytes([key % 251]) * REPORT_BYTES)
            self.kept[key] = report
            if len(self.kept) > self.size:
                self.kept.popitem(last=False)
        return report.key + report.body[0]


live_types()
counts = {}


def handler_with_counts(h):
    def step(i):
        if i == 50:
            counts["half"] = live_types()
        return h(i)
    return step


tracemalloc.start()
first = detect_leak(handler_with_counts(handle), 100)
grown = live_types() - counts["half"]
second = detect_leak(lambda i: handle(100 + i), 100)
# Each round again on 10 keys, its growth taken ten times for 100.
first = [(size * 10, file, line) for size, file, line in detect_leak(lambda i: handle(300 + i), 10)]
second = [(size * 10, file, line) for size, file, line in detect_leak(lambda i: handle(400 + i), 10)]
tracemalloc.stop()
print("first 100 keys:", first)
print("next 100 keys:", second)
print("grew by 10+:", {name: n for name, n in grown.items() if n >= 10})

answers_before = [handle(k) for k in range(200)]
cache = BoundedCache(10)
tracemalloc.start()
bounded_first = detect_leak(handler_with_counts(cache.handle), 100)
bounded_grown = live_types() - counts["half"]
bounded_second = detect_leak(lambda i: cache.handle(100 + i), 100)
tracemalloc.stop()
print("bounded, first 100 keys:", bounded_first)
print("bounded, next 100 keys:", bounded_second)
print("bounded, grew by 10+:", {name: n for name, n in bounded_grown.items() if n >= 10})
print("answers unchanged:", answers_before == [BoundedCache(10).handle(k) for k in range(200)])

size, filename, line = first[0]
text = linecache.getline(filename, line)
print("the diff points at the caching line, over 100 KB:", "_cache[key] =" in text and size > 100 * 1024)
