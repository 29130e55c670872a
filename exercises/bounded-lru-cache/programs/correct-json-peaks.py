# correct: round 13: the two peaks printed by json.dumps (json writes numbers without their own methods: the harness formats the measured ones first)
import json
import sys
import tracemalloc
from collections import OrderedDict
from contextlib import contextmanager


class ByteBoundedLRU:
    """LRU cache limited by the summed sys.getsizeof of its values."""

    def __init__(self, budget):
        self.budget = budget
        self.total = 0
        self.store = OrderedDict()   # key -> (value, bytes)

    def get(self, key, default=None):
        if key not in self.store:
            return default
        self.store.move_to_end(key)
        return self.store[key][0]

    def put(self, key, value):
        cost = sys.getsizeof(value)
        if cost > self.budget:
            return None                      # refused: can never fit
        if key in self.store:
            _, old = self.store.pop(key)
            self.total -= old
        dropped = []
        while self.store and self.total + cost > self.budget:
            k, (_, sz) = self.store.popitem(last=False)
            self.total -= sz
            dropped.append(k)
        self.store[key] = (value, cost)
        self.total += cost
        return dropped

    def keys(self):
        return list(self.store)


def value_of(n, length=3951):
    return chr(ord("a") + n % 26) * length


@contextmanager
def peak_into(box, name):
    tracemalloc.start()
    try:
        yield
    finally:
        box[name] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


demo = ByteBoundedLRU(10_000)
for k in "abc":
    demo.put(k, value_of(ord(k)))
    print(f"after put({k!r}) -> keys {demo.keys()}")
demo.get("b")
gone = demo.put("d", value_of(ord("d")))
print("evicted:", ", ".join(gone), "| now holding", demo.keys())

peaks = {}
with peak_into(peaks, "plain dict"):
    plain = {}
    for i in range(1000):
        plain[i] = value_of(i)
with peak_into(peaks, "ByteBoundedLRU(10_000)"):
    lru = ByteBoundedLRU(10_000)
    i = 0
    while i < 1000:
        lru.put(i, value_of(i))
        i += 1
print("peaks (bytes):", json.dumps(peaks))
print("a recently read key survives the next eviction:", demo.get("b") is not None)
