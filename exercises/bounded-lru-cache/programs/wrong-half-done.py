# wrong: half the task: get and put without eviction order (get does not count as a use) and no tracemalloc comparison
# fails: reading a key with `get` makes it the most recently used
# fails: the program prints the tracemalloc peaks of 1,000 inserts into a dict and into the cache
import sys
import tracemalloc
from collections import OrderedDict


class ByteBoundedLRU:
    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self._entries = {}

    def get(self, key, default=None):
        return self._entries.get(key, (default, 0))[0]

    def put(self, key, value):
        size = sys.getsizeof(value)
        if size > self.budget:
            return False
        if key in self._entries:
            self.used -= self._entries.pop(key)[1]
        while self.used + size > self.budget:
            oldest = next(iter(self._entries))
            self.used -= self._entries.pop(oldest)[1]
        self._entries[key] = (value, size)
        self.used += size
        return True


def value_of(n, length=3951):
    return chr(ord("a") + n % 26) * length


cache = ByteBoundedLRU(10_000)
for key in "abc":
    cache.put(key, value_of(ord(key)))
    print(f"after put({key!r}): {list(cache._entries)}")
print("a recently read key survives the next eviction: True")
