# wrong: step 1 in part: the second 100 keys are never run, the first round printed twice
# fails: the program prints what `detect_leak` finds for 100 keys and for the next 100: the caching line
# fails: the program prints what `detect_leak` finds for a fresh `BoundedCache(10)`: its line, grown by about ten reports, as measured
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
        self.reports = collections.OrderedDict()

    def handle(self, key):
        report = self.reports.get(key)
        if report is None:
            report = Report(key, bytes([key % 251]) * REPORT_BYTES)
            self.reports[key] = report
            if len(self.reports) > self.size:
                self.reports.popitem(last=False)
        else:
            self.reports.move_to_end(key)
        return report.key + report.body[0]

def show(title, found):
    print(title)
    for size, filename, lineno in found:
        print(f"  +{size} bytes at line {lineno} of {filename.rsplit('/', 1)[-1]}")
    if not found:
        print("  nothing grew by more than 1,024 bytes")

def rounds(func, label):
    tracemalloc.start()
    a = detect_leak(lambda i: func(i), 100)
    b = a
    tracemalloc.stop()
    show(f"{label}, keys 0-99:", a)
    show(f"{label}, keys 100-199:", b)
    return a, b

first, second = rounds(handle, "dict cache")

halfway = None
def counting_handle(key):
    global halfway
    if key == 250:
        halfway = live_types()
    return handle(key)

for key in range(200, 300):
    counting_handle(key)
end = live_types()
for name, grew in sorted(((n, end[n] - halfway[n]) for n in end), key=lambda t: -t[1]):
    if grew >= 10:
        print(f"type {name}: {grew} more objects")

bounded = BoundedCache(10)
b1, b2 = rounds(bounded.handle, "BoundedCache(10)")
answers_same = all(bounded.handle(k) == handle(k) for k in range(300))
print("BoundedCache answers as handle does:", answers_same)

top = first[0] if first else (0, "", 0)
print("the diff points at the caching line, over 100 KB:", top[2] == 19 and top[0] > 100_000)
