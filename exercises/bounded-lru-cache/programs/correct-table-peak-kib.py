# correct: held-out round 12 (tester C): the two peaks under a heading "peak KiB", a cache class of its own name
import sys
import tracemalloc
from collections import OrderedDict


class ByteBoundedLRU:
    """LRU cache limited by the summed getsizeof of its values."""

    def __init__(self, budget):
        self.budget = budget
        self.held = 0
        self._slots = OrderedDict()  # key -> [value, cost]

    def get(self, key, default=None):
        hit = self._slots.get(key)
        if hit is None:
            return default
        self._slots.move_to_end(key)
        return hit[0]

    def put(self, key, value):
        cost = sys.getsizeof(value)
        if cost > self.budget:
            return None
        previous = self._slots.pop(key, None)
        if previous is not None:
            self.held -= previous[1]
        dropped = []
        while self._slots and self.held + cost > self.budget:
            old_key, (_, old_cost) = self._slots.popitem(last=False)
            self.held -= old_cost
            dropped.append(old_key)
        self._slots[key] = [value, cost]
        self.held += cost
        return dropped

    def keys(self):
        return list(self._slots)

    def __contains__(self, key):
        return key in self._slots


def value_of(n, length=3951):
    return chr(ord("a") + n % 26) * length


def peak_of(fill):
    tracemalloc.start()
    try:
        holder = fill()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def demo():
    cache = ByteBoundedLRU(10_000)
    for idx, name in enumerate("abc"):
        cache.put(name, value_of(idx))
        print(f"after put({name!r}): keys = {cache.keys()}  ({cache.held} B held)")
    cache.get("b")
    gone = cache.put("d", value_of(3))
    print(f"read 'b', put 'd' -> evicted: {', '.join(gone)}; keys now {cache.keys()}")
    return cache


def fill_dict():
    d = {}
    for i in range(1_000):
        d[i] = value_of(i)
    return d


def fill_lru():
    c = ByteBoundedLRU(10_000)
    for i in range(1_000):
        c.put(i, value_of(i))
    return c


cache = demo()
results = {"plain dict": peak_of(fill_dict), "ByteBoundedLRU(10_000)": peak_of(fill_lru)}
print(f"{'container':<24}{'peak KiB':>12}")
for label, peak in results.items():
    print(f"{label:<24}{peak / 1024:>12.1f}")
print(f"a recently read key survives the next eviction: {'b' in cache}")
