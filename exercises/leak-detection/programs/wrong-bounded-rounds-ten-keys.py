# wrong: the two detect_leak rounds on BoundedCache(10) run 10 keys each, not 100, so the first round never has to evict anything
# fails: the program prints what `detect_leak` finds for a fresh `BoundedCache(10)`: its line, grown by about ten reports, as measured
import collections
import dis
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
    grown = []
    for stat in after.compare_to(before, "lineno"):
        if stat.size_diff > 1024:
            frame = stat.traceback[0]
            grown.append((stat.size_diff, frame.filename, frame.lineno))
    return sorted(grown, reverse=True)


class BoundedCache:
    def __init__(self, size):
        self.size = size
        self.reports = {}

    def handle(self, key):
        report = self.reports.pop(key, None)
        if report is None:
            report = Report(key, bytes([key % 251]) * REPORT_BYTES)
            if len(self.reports) >= self.size:
                del self.reports[next(iter(self.reports))]
        self.reports[key] = report
        return report.key + report.body[0]


def store_line(function):
    """Line of the first subscript store in function (where the cache is filled)."""
    line = None
    for ins in dis.get_instructions(function):
        if ins.positions and ins.positions.lineno:
            line = ins.positions.lineno
        if ins.opname == "STORE_SUBSCR":
            return function.__code__.co_filename, line


def show(title, found):
    print(title)
    for size, filename, lineno in found:
        print(f"  +{size:,} bytes at {filename}:{lineno}")
    if not found:
        print("  nothing grew by more than 1,024 bytes")


live_types()  # the first call fills caches of its own
tracemalloc.start()
first = detect_leak(lambda i: handle(i), 100)
second = detect_leak(lambda i: handle(100 + i), 100)
tracemalloc.stop()
show("detect_leak, keys 0-99 through handle:", first)
show("detect_leak, keys 100-199 through handle:", second)

# step 2: 100 new keys, counted after 50 and after 100
for i in range(50):
    handle(200 + i)
halfway = live_types()
for i in range(50, 100):
    handle(200 + i)
grown_types = live_types() - halfway
print("types grown by 10 or more between key 50 and key 100:")
for name, count in grown_types.most_common():
    if count >= 10:
        print(f"  {name}: +{count}")

bounded = BoundedCache(10)
ROUND = bounded.size  # one cache-full of keys per round
tracemalloc.start()
b_first = detect_leak(lambda i: bounded.handle(i), ROUND)
b_second = detect_leak(lambda i: bounded.handle(ROUND + i), ROUND)
tracemalloc.stop()
show("detect_leak, keys 0-99 through BoundedCache(10):", b_first)
show("detect_leak, keys 100-199 through BoundedCache(10):", b_second)
print(f"BoundedCache holds {len(bounded.reports)} reports")

checker = BoundedCache(10)
keys = [k % 37 for k in range(0, 600, 7)] + list(range(300))
same = all(checker.handle(k) == handle(k) for k in keys)
print(f"BoundedCache answers as handle does: {same}")

where = store_line(handle)
top = first[0] if first else (0, None, None)
verdict = (top[1], top[2]) == where and top[0] > 100 * 1024
print(f"the diff points at the caching line, over 100 KB: {verdict}")
