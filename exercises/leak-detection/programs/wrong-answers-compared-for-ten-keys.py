# wrong: written from the task and the page's list of checks (round 22): BoundedCache's answers compared with handle's for keys 0 to 9 only, which all fit in the cache
# fails: the program confirms `BoundedCache` answers as `handle` does: run again with a `BoundedCache` that answers one more, it says False
# reading: "over 100 KB" is read as more than 100 * 1024 = 102,400 bytes.
# Step 2 runs on its own batch of 100 keys the handler has never seen
# (outside the traced rounds, so its counters do not show up in the diffs).
# For step 3 both detect_leak rounds on the bounded cache run inside one
# tracemalloc.start()/stop(), as do the two rounds on the plain dict.
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
    return collections.Counter(type(obj).__name__ for obj in gc.get_objects())


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
    """An LRU cache of reports: at most `size` of them, least recently used dropped."""

    def __init__(self, size):
        self.size = size
        self._items = collections.OrderedDict()

    def handle(self, key):
        items = self._items
        report = items.get(key)
        if report is None:
            report = items[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
            if len(items) > self.size:
                items.popitem(last=False)
        else:
            items.move_to_end(key)
        return report.key + report.body[0]


def source_line(func, marker):
    lines, first = inspect.getsourcelines(func)
    for offset, text in enumerate(lines):
        if marker in text:
            return first + offset
    raise LookupError(marker)


def show(title, findings):
    print(title)
    if not findings:
        print("    (no line grew by more than 1,024 bytes)")
    for size_diff, filename, lineno in findings:
        print("    {:>+10,} B  {:>8.1f} KiB  {}:{}".format(
            size_diff, size_diff / 1024, os.path.basename(filename), lineno))


def offset_keys(func, start):
    return lambda i: func(start + i)


HERE = os.path.abspath(__file__)
CACHING_LINE = source_line(handle, "_cache[key] =")
BOUNDED_LINE = source_line(BoundedCache.handle, "items[key] =")

# Step 1: the plain dict, two rounds in one trace
tracemalloc.start()
first_round = detect_leak(handle, 100)
second_round = detect_leak(offset_keys(handle, 100), 100)
tracemalloc.stop()
show("dict cache, keys 0-99:", first_round)
show("dict cache, keys 100-199:", second_round)
print(f"(the line that stores into the cache is {os.path.basename(HERE)}:{CACHING_LINE})")


# Step 2: which types grow while 100 new keys go through?
def growth(func, keys):
    live_types()  # warm-up: the first call fills some caches of its own
    keys = list(keys)
    half = len(keys) // 2
    for k in keys[:half]:
        func(k)
    early = live_types()
    for k in keys[half:]:
        func(k)
    late = live_types()
    return {name: n for name, n in (late - early).items() if n >= 10}


for name, grew in growth(handle, range(200, 300)).items():
    print(f"type {name!r} grew by {grew} over the last 50 keys")

# Step 3: the bounded cache, same checks
bounded = BoundedCache(10)
tracemalloc.start()
b_first = detect_leak(bounded.handle, 100)
b_second = detect_leak(offset_keys(bounded.handle, 100), 100)
tracemalloc.stop()
show("BoundedCache(10), keys 0-99:", b_first)
show("BoundedCache(10), keys 100-199:", b_second)
print(f"(BoundedCache stores at {os.path.basename(HERE)}:{BOUNDED_LINE}; "
      f"it now holds {len(bounded._items)} reports)")
b_growth = growth(bounded.handle, range(300, 400))
print("types grown by 10 or more with BoundedCache:", b_growth or "none")

probe = list(range(10))
fresh = BoundedCache(10)
same = all(fresh.handle(k) == handle(k) for k in probe)
print(f"BoundedCache answers as handle does for {len(probe)} requests: {same}")

top = first_round[0] if first_round else (0, "", 0)
verdict = (os.path.abspath(top[1]) == HERE and top[2] == CACHING_LINE
           and top[0] > 100 * 1024)
print("the diff points at the caching line, over 100 KB:", verdict)
