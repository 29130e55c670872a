# wrong: written from the task alone (held-out test): put evicts while the total plus the new value is at least the budget, so a value that exactly fills the remaining space still evicts the least recently used entry
# fails: `put` evicts the least recently used entries until the new value fits, counting bytes with `sys.getsizeof`
import sys
import tracemalloc
from collections import OrderedDict


class ByteBoundedLRU:
    """LRU cache bounded by the total getsizeof of its values."""

    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self._store = OrderedDict()  # key -> (value, size); least recent first

    def get(self, key, default=None):
        entry = self._store.get(key)
        if entry is None:
            return default
        self._store.move_to_end(key)
        return entry[0]

    def put(self, key, value):
        cost = sys.getsizeof(value)
        if cost > self.budget:
            return None  # can never fit
        dropped = []
        if key in self._store:
            _, old_cost = self._store.pop(key)
            self.used -= old_cost
        while self._store and self.used + cost >= self.budget:
            old_key, (_, old_cost) = self._store.popitem(last=False)
            self.used -= old_cost
            dropped.append(old_key)
        self._store[key] = (value, cost)
        self.used += cost
        return dropped

    def keys(self):
        return list(self._store)

    def __contains__(self, key):
        return key in self._store


def value_of(n, length=3951):
    return chr(ord("a") + n % 26) * length


cache = ByteBoundedLRU(10_000)
for pos, name in enumerate("abc"):
    cache.put(name, value_of(pos))
    print(f"after putting {name!r}: keys {cache.keys()}, {cache.used} bytes held")

cache.get("b")
gone = cache.put("d", value_of(3))
print(f"after reading 'b' and putting 'd': evicted {', '.join(gone)}; keys {cache.keys()}")


def fill(container, count=1_000):
    tracemalloc.start()
    try:
        if isinstance(container, dict):
            for i in range(count):
                container[i] = value_of(i)
        else:
            for i in range(count):
                container.put(i, value_of(i))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


plain_peak = fill({})
lru_peak = fill(ByteBoundedLRU(10_000))
print(f"peak of 1,000 inserts, plain dict: {plain_peak} bytes")
print(f"peak of 1,000 inserts, ByteBoundedLRU(10_000): {lru_peak} bytes")
print("a recently read key survives the next eviction:", "b" in cache)
