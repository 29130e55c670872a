# wrong: held-out round 12 (tester C): the bounded cache's answers are compared only for the 10 keys it still holds
# fails: the program confirms `BoundedCache` answers as `handle` does: run again with a `BoundedCache` that answers one more, it says False
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
    return collections.Counter(type(o).__name__ for o in gc.get_objects())


def detect_leak(func, iterations):
    gc.collect()
    before = tracemalloc.take_snapshot()
    for i in range(iterations):
        func(i)
    gc.collect()
    after = tracemalloc.take_snapshot()
    grown = [
        (st.size_diff, st.traceback[0].filename, st.traceback[0].lineno)
        for st in after.compare_to(before, "lineno")
        if st.size_diff > 1024
    ]
    return sorted(grown, reverse=True)


class BoundedCache:
    def __init__(self, size):
        self.size = size
        self._lru = collections.OrderedDict()

    def handle(self, key):
        report = self._lru.get(key)
        if report is None:
            report = self._lru[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
            while len(self._lru) > self.size:
                self._lru.popitem(last=False)
        else:
            self._lru.move_to_end(key)
        return report.key + report.body[0]


def _caching_line(fn, marker):
    lines, first = inspect.getsourcelines(fn)
    return first + next(n for n, text in enumerate(lines) if marker in text)


def audit(label, responder):
    """Two rounds of 100 keys inside one trace, with type counts between them."""
    print(f"--- {label}")
    tracemalloc.start()
    live_types()  # warm-up count
    rounds = []
    rounds.append(detect_leak(responder, 100))
    halfway = live_types()
    rounds.append(detect_leak(lambda i: responder(i + 100), 100))
    final = live_types()
    tracemalloc.stop()
    for n, found in enumerate(rounds, 1):
        where = [f"line {ln}: +{size / 1024:.1f} KiB" for size, _, ln in found[:3]]
        print(f"round {n}: {len(found)} growing line(s) {where}")
    growth = {name: n for name, n in (final - halfway).items() if n >= 10}
    print(f"types grown by 10 or more in round 2: {growth or 'none'}")
    return rounds


leak_rounds = audit("dict cache", handle)
cache_line = _caching_line(handle, "_cache[key] =")
print(f"(the caching line is line {cache_line})")

bounded = BoundedCache(10)
audit("BoundedCache(10)", bounded.handle)
_cache.clear()
same = all(handle(k) == bounded.handle(k) for k in range(190, 200))
print(f"BoundedCache answers exactly as handle for keys 0..299: {same}")

first = leak_rounds[0][0] if leak_rounds[0] else (0, "", 0)
ok = first[1] == __file__ and first[2] == cache_line and first[0] > 100 * 1024
print(f"the diff points at the caching line, over 100 KB: {ok}")
