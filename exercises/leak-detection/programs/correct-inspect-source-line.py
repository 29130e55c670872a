# correct: written from the task alone (held-out test B); finds the caching line by reading handle's source with inspect.getsourcelines (and BoundedCache.handle's by a marker comment), detect_leak starts its own trace only when nothing traces, type growth printed as a dict; step 2's counts moved to 100 new keys of their own (after 50 and after 100) when the task's words were made precise (2026-11-28)
import collections
import gc
import inspect
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
    return collections.Counter(type(obj).__name__ for obj in gc.get_objects())


def detect_leak(func, iterations):
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    gc.collect()
    before = tracemalloc.take_snapshot()
    for i in range(iterations):
        func(i)
    gc.collect()
    after = tracemalloc.take_snapshot()
    if started_here:
        tracemalloc.stop()
    grown = []
    for stat in after.compare_to(before, "lineno"):
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
            report = self.entries[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)  # bounded store
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)
        else:
            self.entries.move_to_end(key)
        return report.key + report.body[0]


def line_of(function, marker):
    lines, first = inspect.getsourcelines(function)
    for offset, text in enumerate(lines):
        if marker in text:
            return first + offset
    raise LookupError(marker)


def show(title, found):
    print(title)
    if not found:
        print("   nothing grew by more than 1,024 bytes")
    for size, filename, lineno in found:
        print(f"   +{size:,} bytes at {filename.rsplit('/', 1)[-1]}:{lineno}")


def two_rounds(label, fn, caching_line):
    baseline = live_types()
    tracemalloc.start()
    first = detect_leak(fn, 100)
    show(f"{label}, keys 0-99:", first)
    second = detect_leak(lambda i: fn(100 + i), 100)
    show(f"{label}, keys 100-199:", second)
    tracemalloc.stop()
    for i in range(200, 250):  # step 2: 100 new keys, counted after the first 50 and after the last 50
        fn(i)
    middle = live_types()
    for i in range(250, 300):
        fn(i)
    end = live_types()
    grew = {name: n for name, n in (end - middle).items() if n >= 10}
    print(f"   types that grew by 10 or more between halfway and end: {grew or 'none'}")
    for found in (first, second):
        if found:
            print(f"   top line is the caching line: {found[0][2] == caching_line}")
    return first, second, baseline


leak_line = line_of(handle, "_cache[key] =")
bounded_line = line_of(BoundedCache.handle, "# bounded store")

first, second, _ = two_rounds("unbounded dict cache", handle, leak_line)

bounded = BoundedCache(10)
two_rounds("BoundedCache(10)", bounded.handle, bounded_line)
probe_keys = list(range(200)) + [7, 7, 150, 3, 199, 0]
answers_leaky = [handle(k) for k in probe_keys]
answers_bounded = [bounded.handle(k) for k in probe_keys]
print(f"bounded cache gives the same answers: {answers_leaky == answers_bounded}")
print(f"bounded cache holds {len(bounded.entries)} reports")

ok = bool(first) and first[0][2] == leak_line and first[0][0] > 100 * 1024
print(f"the diff points at the caching line, over 100 KB: {ok}")
