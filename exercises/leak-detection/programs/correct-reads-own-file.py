# correct: held-out round 11 (tester C): finds the caching line by reading its own file through open(__file__), as a desktop run can; the page and the tests write the program where __file__ points; step 2's counts moved to 100 new keys of their own (after 50 and after 100) when the task's words were made precise (2026-11-28)
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
        report = _cache[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)  # CACHE-STORE
    return report.key + report.body[0]


class BoundedCache:
    def __init__(self, size):
        self.size = size
        self.entries = collections.OrderedDict()

    def handle(self, key):
        entries = self.entries
        report = entries.get(key)
        if report is None:
            report = entries[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)  # BOUNDED-STORE
            if len(entries) > self.size:
                entries.popitem(last=False)
        else:
            entries.move_to_end(key)
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
    grown = [(st.size_diff, st.traceback[0].filename, st.traceback[0].lineno)
             for st in second.compare_to(first, "lineno") if st.size_diff > 1024]
    return sorted(grown, reverse=True)


def describe(found):
    if not found:
        return "    (nothing grew by more than 1 KiB)"
    return "\n".join(f"    +{d / 1024:.1f} KiB at line {ln}: {linecache.getline(fn, ln).strip()[:70]}"
                     for d, fn, ln in found)


def run_two_rounds(call, title):
    tracemalloc.start()
    live_types()  # warm-up count: the first pass fills caches of its own
    first = detect_leak(call, 100)
    second = detect_leak(lambda i: call(100 + i), 100)
    tracemalloc.stop()
    for i in range(200, 250):  # step 2: 100 new keys, counted after the first 50 and after the last 50
        call(i)
    middle = live_types()
    for i in range(250, 300):
        call(i)
    final = live_types()
    print(f"[{title}] keys 0-99:")
    print(describe(first))
    print(f"[{title}] keys 100-199:")
    print(describe(second))
    grew = {name: n for name, n in (final - middle).items() if n >= 10}
    print(f"[{title}] tracked types up by 10 or more between halfway and end: {grew or 'none'}")
    return first, second


def line_of(marker):
    with open(__file__) as src:
        for number, text in enumerate(src, 1):
            if marker in text and "def " not in text and "line_of" not in text:
                return number


leak_first, leak_second = run_two_rounds(handle, "dict cache")
store_line = line_of("# CACHE-STORE")

bounded = BoundedCache(10)
run_two_rounds(bounded.handle, "BoundedCache(10)")
keys = list(range(300)) + [3, 250, 251, 3, 7, 299]
print(f"BoundedCache kept {len(bounded.entries)} reports; answers unchanged: "
      f"{all(handle(k) == bounded.handle(k) for k in keys)}")

top = leak_first[0] if leak_first else (0, "", 0)
ok = top[2] == store_line and top[1] == __file__ and top[0] > 100 * 1024
print(f"the diff points at the caching line, over 100 KB: {ok}")
