# correct: a class bundles the experiment, eviction seen through an on_evict hook, one tracing session with reset_peak() and a baseline, rows written with sys.stdout.write in KiB
import sys
import tracemalloc
from collections import OrderedDict


class ByteBoundedLRU:
    def __init__(self, budget, on_evict=None):
        self.budget = budget
        self.used = 0
        self._entries = OrderedDict()  # key -> (value, estimated size), oldest first
        self._on_evict = on_evict

    def get(self, key, default=None):
        try:
            self._entries.move_to_end(key)
        except KeyError:
            return default
        return self._entries[key][0]

    def put(self, key, value):
        cost = sys.getsizeof(value)
        if cost > self.budget:
            return
        previous = self._entries.pop(key, None)
        if previous is not None:
            self.used -= previous[1]
        while self._entries and self.used + cost > self.budget:
            gone_key, (_, gone_cost) = self._entries.popitem(last=False)
            self.used -= gone_cost
            if self._on_evict:
                self._on_evict(gone_key)
        self._entries[key] = (value, cost)
        self.used += cost

    def __contains__(self, key):
        return key in self._entries

    def keys(self):
        return list(self._entries)


def value_of(n, length=3951):
    # 3,951 ASCII characters: getsizeof reports 4,000 bytes on CPython 3.11
    return chr(ord("a") + n % 26) * length


class CacheExperiment:
    INSERTS = 1_000
    BUDGET = 10_000

    def __init__(self):
        self.rows = []
        self.evicted = []
        self.demo = ByteBoundedLRU(self.BUDGET, on_evict=self.evicted.append)

    def walk_through(self):
        for n, key in enumerate(["a", "b", "c"]):
            self.demo.put(key, value_of(n))
            self.rows.append("keys after %s: %s" % (key, " ".join(self.demo.keys())))
        self.evicted.clear()
        self.demo.get("b")
        self.demo.put("d", value_of(3))
        self.rows.append("read b, put d -> evicted %s" % ",".join(self.evicted))

    def _extra_peak(self, fill):
        # one session for both runs: reset the peak, subtract what was already traced
        tracemalloc.reset_peak()
        baseline = tracemalloc.get_traced_memory()[0]
        kept = fill()
        peak = tracemalloc.get_traced_memory()[1] - baseline
        del kept
        return peak

    def _fill_dict(self):
        table = {}
        for i in range(self.INSERTS):
            table[i] = value_of(i)
        return table

    def _fill_cache(self):
        lru = ByteBoundedLRU(self.BUDGET)
        for i in range(self.INSERTS):
            lru.put(i, value_of(i))
        return lru

    def compare_peaks(self):
        tracemalloc.start()
        try:
            for label, fill in (("dict", self._fill_dict), ("ByteBoundedLRU(10_000)", self._fill_cache)):
                peak = self._extra_peak(fill)
                self.rows.append("tracemalloc peak, 1000 inserts, %-22s %9.1f KiB" % (label + ":", peak / 1024))
        finally:
            tracemalloc.stop()

    def report(self):
        self.walk_through()
        self.compare_peaks()
        self.rows.append("a recently read key survives the next eviction: %s" % ("b" in self.demo))
        for row in self.rows:
            sys.stdout.write(row + "\n")


CacheExperiment().report()
