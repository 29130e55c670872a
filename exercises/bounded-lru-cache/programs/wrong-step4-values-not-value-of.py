# wrong: step 4's values are typed strings of 3,951 characters, not the ones `value_of` makes (written for round 15 when the task did not yet name `value_of` there)
# fails: a size in bytes the program prints of one value is what `sys.getsizeof` gave for it
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
        size = sys.getsizeof(value)
        if size > self.budget:
            return []
        if key in self._entries:
            _, old_size = self._entries.pop(key)
            self.used -= old_size
        evicted = []
        while self._entries and self.used + size > self.budget:
            old_key, (_, old_size) = self._entries.popitem(last=False)
            self.used -= old_size
            evicted.append(old_key)
        self._entries[key] = (value, size)
        self.used += size
        return evicted

    def keys(self):
        return list(self._entries)

    def __contains__(self, key):
        return key in self._entries

def value_of(n, length=3951):
    # 3,951 ASCII characters: getsizeof reports 4,000 bytes on CPython 3.11
    return chr(ord("a") + n % 26) * length

def peak_of(fill):
    tracemalloc.start()
    fill()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak

cache = ByteBoundedLRU(10_000)
for k in "abc":
    cache.put(k, "x" * 3951)
    print(f"after put({k!r}): keys {cache.keys()}, {cache.used} bytes used")
cache.get("b")
gone = cache.put("d", "y" * 3951)
print(f"after get('b') and put('d'): evicted {gone}, keys {cache.keys()}")

def fill_dict():
    d = {}
    for i in range(1000):
        d[i] = value_of(i)

def fill_lru():
    c = ByteBoundedLRU(10_000)
    for i in range(1000):
        c.put(i, value_of(i))

print(f"plain dict, 1,000 inserts: peak {peak_of(fill_dict):,} bytes")
print(f"ByteBoundedLRU(10_000), 1,000 inserts: peak {peak_of(fill_lru):,} bytes")
print(f"a recently read key survives the next eviction: {'b' in cache}")
