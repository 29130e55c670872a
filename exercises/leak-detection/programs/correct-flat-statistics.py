# correct: flat style; detect_leak diffs two statistics('lineno') tables by hand instead of compare_to, type counts taken in a separate round of 100 new keys, LRU built on a plain dict (pop and re-insert), caching line found with dis as the line holding STORE_SUBSCR, %-formatting
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
    tally = collections.Counter()
    for obj in gc.get_objects():
        tally[type(obj).__name__] += 1
    return tally

def detect_leak(func, iterations):
    gc.collect()
    snap1 = tracemalloc.take_snapshot()
    i = 0
    while i < iterations:
        func(i)
        i += 1
    gc.collect()
    snap2 = tracemalloc.take_snapshot()
    old = {}
    for st in snap1.statistics("lineno"):
        old[(st.traceback[0].filename, st.traceback[0].lineno)] = st.size
    out = []
    for st in snap2.statistics("lineno"):
        where = (st.traceback[0].filename, st.traceback[0].lineno)
        delta = st.size - old.get(where, 0)
        if delta > 1024:
            out.append((delta, where[0], where[1]))
    out.sort(reverse=True)
    return out

class BoundedCache:
    def __init__(self, size):
        self.size = size
        self.kept = {}
    def handle(self, key):
        if key in self.kept:
            report = self.kept.pop(key)
            self.kept[key] = report
        else:
            report = self.kept[key] = Report(key, bytes([key % 251]) * REPORT_BYTES)
            while len(self.kept) > self.size:
                del self.kept[next(iter(self.kept))]
        return report.key + report.body[0]

code = handle.__code__
store_line = [ins.positions.lineno for ins in dis.get_instructions(handle) if ins.opname == "STORE_SUBSCR"][0]

def report_rows(title, rows):
    print("%s -> %d line(s)" % (title, len(rows)))
    for size, fname, lineno in rows:
        print("    +%d bytes at %s line %d" % (size, fname.rsplit("/", 1)[-1], lineno))

tracemalloc.start()
round1 = detect_leak(handle, 100)
round2 = detect_leak(lambda i: handle(100 + i), 100)
tracemalloc.stop()
report_rows("handle, keys 0-99", round1)
report_rows("handle, keys 100-199", round2)

live_types()
key = 200
while key < 250:
    handle(key)
    key += 1
half = live_types()
while key < 300:
    handle(key)
    key += 1
full = live_types()
grew = sorted(name for name, c in (full - half).items() if c >= 10)
print("types grown by >= 10 over the last 50 new keys: %s" % (", ".join("%s (+%d)" % (n, (full - half)[n]) for n in grew) or "none"))

lru = BoundedCache(10)
tracemalloc.start()
b1 = detect_leak(lru.handle, 100)
b2 = detect_leak(lambda i: lru.handle(100 + i), 100)
tracemalloc.stop()
report_rows("BoundedCache(10), keys 0-99", b1)
report_rows("BoundedCache(10), keys 100-199", b2)
h0 = live_types()
for k in range(300, 400):
    lru.handle(k)
h1 = live_types()
print("BoundedCache types grown by >= 10: %s" % (", ".join(n for n, c in (h1 - h0).items() if c >= 10) or "none"))

sequence = [5, 5, 17, 260, 5, 511, 17] + [k % 23 for k in range(60)]
other = BoundedCache(10)
agree = all(other.handle(k) == handle(k) for k in sequence)
print("BoundedCache answers unchanged: %s (%d keys compared, %d kept)" % (agree, len(sequence), len(other.kept)))

verdict = bool(round1) and round1[0][1] == code.co_filename and round1[0][2] == store_line and round1[0][0] > 100 * 1024
print("the diff points at the caching line, over 100 KB: %s" % verdict)
