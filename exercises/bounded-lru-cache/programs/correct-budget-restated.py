# correct: written from the task alone (round 16): a plain dict kept in use order, the oldest found with next(iter(...)), the budget restated as the task gives it on a line of its own, peaks printed with %
# reading: the four demo values are value_of(1)..value_of(4); a refused put
# returns False. Recency is kept with an ordinary dict (insertion ordered):
# a hit is popped and re-inserted at the end.
import sys
import tracemalloc


class ByteBoundedLRU:
    """Least-recently-used cache bounded by the getsizeof() total of its values."""

    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self._entries = {}          # key -> (value, size); first key = oldest
        self.last_evicted = []

    def get(self, key, default=None):
        if key not in self._entries:
            return default
        entry = self._entries.pop(key)
        self._entries[key] = entry   # now the newest
        return entry[0]

    def _evict_oldest(self):
        oldest = next(iter(self._entries))
        value, size = self._entries.pop(oldest)
        self.used -= size
        self.last_evicted.append(oldest)

    def put(self, key, value):
        size = sys.getsizeof(value)
        if size > self.budget:
            return False
        old = self._entries.pop(key, None)
        if old is not None:
            self.used -= old[1]
        self.last_evicted = []
        while self.used + size > self.budget:
            self._evict_oldest()
        self._entries[key] = (value, size)
        self.used += size
        return True

    def __contains__(self, key):
        return key in self._entries

    def __len__(self):
        return len(self._entries)


def value_of(n, length=3951):
    return chr(ord("a") + n % 26) * length


print("budget 10,000 bytes, each value", sys.getsizeof(value_of(0)), "bytes")
c = ByteBoundedLRU(10_000)
for i, k in enumerate(["a", "b", "c"], start=1):
    c.put(k, value_of(i))
    print("inserted", k, "-> keys:", list(c._entries))

c.get("b")
c.put("d", value_of(4))
print("inserted d after reading b -> evicted:", ", ".join(c.last_evicted))
print("keys now:", list(c._entries))

tracemalloc.start()
store = {}
for i in range(1000):
    store[i] = value_of(i)
dict_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del store

tracemalloc.start()
bounded = ByteBoundedLRU(10_000)
for i in range(1000):
    bounded.put(i, value_of(i))
lru_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del bounded

print("peak, plain dict:       %9d bytes" % dict_peak)
print("peak, ByteBoundedLRU:   %9d bytes" % lru_peak)
print("a recently read key survives the next eviction:", "b" in c)
