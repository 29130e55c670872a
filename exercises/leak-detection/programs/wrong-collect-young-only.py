# wrong: detect_leak calls gc.collect(0), which collects only the youngest generation, so cyclic garbage in older generations is not collected before the snapshots as the task requires
# fails: `detect_leak` collects the garbage before each snapshot
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


CACHING_LINE = handle.__code__.co_firstlineno + 3


def live_types():
    return collections.Counter(type(o).__name__ for o in gc.get_objects())


def detect_leak(func, iterations):
    gc.collect(0)
    before = tracemalloc.take_snapshot()
    for i in range(iterations):
        func(i)
    gc.collect(0)
    after = tracemalloc.take_snapshot()
    found = []
    for stat in after.compare_to(before, "lineno"):
        if stat.size_diff > 1024:
            frame = stat.traceback[0]
            found.append((stat.size_diff, frame.filename, frame.lineno))
    return sorted(found, reverse=True)


class BoundedCache:
    def __init__(self, size):
        self.size = size
        self._data = collections.OrderedDict()

    def handle(self, key):
        report = self._data.get(key)
        if report is None:
            report = self._data[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
            if len(self._data) > self.size:
                self._data.popitem(last=False)
        else:
            self._data.move_to_end(key)
        return report.key + report.body[0]


def report_lines(label, found):
    print(f"{label}: {len(found)} line(s) grew by more than 1,024 bytes")
    for size, filename, lineno in found:
        print(f"  {size:,} bytes  {filename}:{lineno}")


tracemalloc.start()
live_types()
counts = []


def counted_handle(i):
    handle(i)
    if i in (49, 99):
        counts.append(live_types())


first = detect_leak(counted_handle, 100)
second = detect_leak(lambda i: handle(i + 100), 100)
tracemalloc.stop()
report_lines("first 100 keys", first)
report_lines("next 100 keys", second)
grown = counts[1] - counts[0]
print("types grown by 10 or more between key 50 and key 100:",
      sorted((n, c) for n, c in grown.items() if c >= 10))

bounded = BoundedCache(10)
tracemalloc.start()
b_first = detect_leak(bounded.handle, 100)
b_second = detect_leak(lambda i: bounded.handle(i + 100), 100)
tracemalloc.stop()
report_lines("BoundedCache(10), first 100 keys", b_first)
report_lines("BoundedCache(10), next 100 keys", b_second)
print(f"reports kept by BoundedCache(10): {len(bounded._data)}")

fresh = BoundedCache(10)
requests = [3, 5, 3, 8, 250, 3, 999, 12, 5, 40, 41, 42, 43, 44, 45, 46, 47, 48, 3, 5]
unchanged = [fresh.handle(k) for k in requests] == [handle(k) for k in requests]
print(f"BoundedCache answers unchanged: {unchanged}")

size, filename, lineno = first[0]
verdict = filename == handle.__code__.co_filename and lineno == CACHING_LINE and size > 100 * 1024
print(f"the diff points at the caching line, over 100 KB: {verdict}")
