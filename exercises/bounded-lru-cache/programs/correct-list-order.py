# correct: written from the task alone; entries in a dict with the recency order in a separate list, the eviction found by comparing key sets, a helper tracing each fill
import sys
import tracemalloc

class ByteBoundedLRU:
    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self.values = {}
        self.sizes = {}
        self.order = []  # least recently used first

    def _touch(self, key):
        self.order.remove(key)
        self.order.append(key)

    def get(self, key, default=None):
        if key not in self.values:
            return default
        self._touch(key)
        return self.values[key]

    def put(self, key, value):
        size = sys.getsizeof(value)
        if size > self.budget:
            return False
        if key in self.values:
            self.used -= self.sizes.pop(key)
            del self.values[key]
            self.order.remove(key)
        while self.order and self.used + size > self.budget:
            oldest = self.order.pop(0)
            self.used -= self.sizes.pop(oldest)
            del self.values[oldest]
        self.values[key] = value
        self.sizes[key] = size
        self.order.append(key)
        self.used += size
        return True

    def keys(self):
        return list(self.order)

def value_of(n, length=3951):
    return chr(ord("a") + n % 26) * length

cache = ByteBoundedLRU(10_000)
for key in "abc":
    cache.put(key, value_of(ord(key)))
    print(f"after put({key!r}): keys {cache.keys()}")
cache.get("b")
before = set(cache.keys())
cache.put("d", value_of(3))
gone = before - set(cache.keys())
print("evicted when d came in:", ", ".join(sorted(gone)))

def fill_peak(store):
    tracemalloc.start()
    for i in range(1_000):
        store(i, value_of(i))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak

plain = {}
print(f"plain dict, 1,000 inserts: peak {fill_peak(plain.__setitem__):,} bytes")
lru = ByteBoundedLRU(10_000)
print(f"ByteBoundedLRU(10_000), 1,000 inserts: peak {fill_peak(lru.put):,} bytes")

print("a recently read key survives the next eviction:", cache.get("b") is not None)
