"""Heapwise reference program for bounded-lru-cache (P9).

A least-recently-used cache whose limit is an estimate of the bytes its
values take, not a number of entries. Reading an entry makes it the most
recent; storing a value first evicts the least recent entries until the new
one fits. The program traces the exact evictions with a 10,000-byte budget
and values of about 4,000 bytes, then compares the peak memory of a stream
of inserts into the bounded cache and into a plain dict.
"""
import platform
import struct
import sys
import time
import tracemalloc
from collections import OrderedDict


class ByteBoundedLRU:
    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self._entries = OrderedDict()  # key -> (value, estimated size), oldest first
        self.evictions = 0
        self.last_evicted = None

    def get(self, key, default=None):
        if key not in self._entries:
            return default
        self._entries.move_to_end(key)
        return self._entries[key][0]

    def put(self, key, value):
        size = sys.getsizeof(value)
        if size > self.budget:
            return False  # could never fit: not cached at all
        if key in self._entries:
            self.used -= self._entries.pop(key)[1]
        while self.used + size > self.budget:
            old_key, (_, old_size) = self._entries.popitem(last=False)
            self.used -= old_size
            self.evictions += 1
            self.last_evicted = old_key
        self._entries[key] = (value, size)
        self.used += size
        return True

    def keys(self):
        return list(self._entries)


def value_of(n, length=3951):
    """A str of `length` ASCII characters; 3,951 makes getsizeof 4,000 here."""
    return chr(ord("a") + n % 26) * length


def stream(store, inserts):
    """Stores `inserts` values of about 4,000 bytes under keys 0, 1, 2, ..."""
    for i in range(inserts):
        store(i, value_of(i))


def stream_reading_hot_key(cache, inserts):
    """stream() as the Rust variant runs it: after each insert, key 0 is read
    back and its length and first character code added up (0 once evicted)."""
    score = 0
    for i in range(inserts):
        cache.put(i, value_of(i))
        value = cache.get(0)
        if value is not None:
            score += len(value) + ord(value[0])
    return score


def peak_of_stream(store, inserts):
    tracemalloc.start()
    stream(store, inserts)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")
print(f"estimated size of one value: {sys.getsizeof(value_of(0)):,} bytes (getsizeof)")

cache = ByteBoundedLRU(budget=10_000)
print(f"budget: {cache.budget:,} bytes")
first_eviction = None
for number, key in enumerate("abc", start=1):
    cache.put(key, value_of(number))
    if cache.evictions and first_eviction is None:
        first_eviction = number
    print(f"insert {number} ({key}): keys {cache.keys()}, {cache.used:,} bytes used")
print(f"the first eviction happened at insert {first_eviction}, evicting {cache.last_evicted!r}")

cache.get("b")
cache.put("d", value_of(4))
print(f"after reading b and inserting d: keys {cache.keys()}, evicted {cache.last_evicted!r}")
print(f"a value larger than the budget is refused: {not cache.put('huge', value_of(5, 20_000))}")

inserts = 1_000
plain = {}
bounded = ByteBoundedLRU(budget=10_000)
plain_peak = peak_of_stream(plain.__setitem__, inserts)
bounded_peak = peak_of_stream(bounded.put, inserts)
print(f"{inserts:,} inserts into a plain dict, peak: {plain_peak:,} bytes, {len(plain):,} entries kept")
print(f"{inserts:,} inserts into the bounded cache, peak: {bounded_peak:,} bytes, {len(bounded.keys())} entries kept")
# The same stream into a fresh bounded cache, untraced, reading key 0 back
# after every insert: the page sets this time beside the Rust LRU cache given
# the same inserts, value size and budget, which reads key 0 back the same way.
us = best_time_us(lambda: stream_reading_hot_key(ByteBoundedLRU(budget=bounded.budget), inserts), calls=10)
print(f"timing: variant optimized at inserts={inserts}, value_bytes={sys.getsizeof(value_of(0))}, "
      f"budget={bounded.budget}: {us:.1f} us per call, best of 5 (tracemalloc off)")
print(f"a recently read key survives the next eviction: {'b' in cache.keys()}")
