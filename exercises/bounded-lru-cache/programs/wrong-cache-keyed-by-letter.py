# wrong: the cache's 1,000 inserts use 26 repeating keys (i % 26) instead of key i, so the traced peak is not of 1,000 distinct keys arriving
# fails: the program prints the tracemalloc peaks of 1,000 inserts into a dict and into the cache
import sys
import tracemalloc
from collections import OrderedDict


class ByteBoundedLRU:
    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self._entries = OrderedDict()  # key -> (value, estimated size), oldest first

    def _drop(self, key):
        _, size = self._entries.pop(key)
        self.used -= size

    def get(self, key, default=None):
        if key not in self._entries:
            return default
        self._entries.move_to_end(key)
        return self._entries[key][0]

    def put(self, key, value):
        size = sys.getsizeof(value)
        if size > self.budget:
            return None                      # can never fit: leave the cache alone
        if key in self._entries:
            self._drop(key)                  # replacing: its old size comes off first
        gone = []
        while self._entries and self.used + size > self.budget:
            oldest = next(iter(self._entries))
            self._drop(oldest)
            gone.append(oldest)
        self._entries[key] = (value, size)
        self.used += size
        return gone

    def keys(self):
        return list(self._entries)


def value_of(n, length=3951):
    # 3,951 ASCII characters: getsizeof reports 4,000 bytes on CPython 3.11
    return chr(ord("a") + n % 26) * length


sample = value_of(0)
print(f"one value: {len(sample)} characters, getsizeof {sys.getsizeof(sample)} bytes")

cache = ByteBoundedLRU(10_000)
for n, key in enumerate("abc"):
    cache.put(key, value_of(n))
    print(f"after put({key!r}): keys {cache.keys()}")

cache.get("b")
evicted = cache.put("d", value_of(3))
print(f"read 'b', put 'd': evicted {', '.join(evicted)}; keys now {cache.keys()}")


def traced_peak(fill):
    tracemalloc.start()
    holder = fill()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del holder
    return peak


def fill_dict():
    d = {}
    for i in range(1000):
        d[i] = value_of(i)
    return d


def fill_cache():
    c = ByteBoundedLRU(10_000)
    for i in range(1000):
        c.put(i % 26, value_of(i))      # value_of repeats every 26, so key by letter
    return c


print(f"peak of 1,000 inserts into a dict: {traced_peak(fill_dict):,} bytes")
print(f"peak of 1,000 inserts into ByteBoundedLRU(10_000): {traced_peak(fill_cache):,} bytes")
print("a recently read key survives the next eviction:", cache.get("b") is not None)
