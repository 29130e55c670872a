# wrong: the naive approach under the task's name: a cache bounded by a number of entries (budget // 4,000 of them), so it is right only when every value is 4,000 bytes
# fails: `put` evicts the least recently used entries until the new value fits, counting bytes with `sys.getsizeof`
import sys
import tracemalloc
from collections import OrderedDict


class ByteBoundedLRU:
    def __init__(self, budget):
        self.budget = budget
        self.capacity = budget // 4_000
        self._entries = OrderedDict()

    def get(self, key, default=None):
        if key not in self._entries:
            return default
        self._entries.move_to_end(key)
        return self._entries[key][0]

    def put(self, key, value):
        if sys.getsizeof(value) > self.budget:
            return False
        self._entries.pop(key, None)
        while len(self._entries) >= self.capacity:
            self._entries.popitem(last=False)
        self._entries[key] = (value, sys.getsizeof(value))
        return True


def value_of(n, length=3951):
    # 3,951 ASCII characters: getsizeof reports 4,000 bytes on CPython 3.11
    return chr(ord("a") + n % 26) * length


cache = ByteBoundedLRU(10_000)
for key in "abc":
    cache.put(key, value_of(ord(key)))
    print(f"after put({key!r}): {list(cache._entries)}")
cache.get("b")
before = set(cache._entries)
cache.put("d", value_of(4))
print("evicted:", sorted(before - set(cache._entries)))

tracemalloc.start()
plain = {}
for i in range(1_000):
    plain[i] = value_of(i)
dict_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del plain

tracemalloc.start()
bounded = ByteBoundedLRU(10_000)
for i in range(1_000):
    bounded.put(i, value_of(i))
cache_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(f"peak of 1,000 inserts: dict {dict_peak:,} bytes, bounded cache {cache_peak:,} bytes")

print(f"a recently read key survives the next eviction: {cache.get('b') is not None}")
