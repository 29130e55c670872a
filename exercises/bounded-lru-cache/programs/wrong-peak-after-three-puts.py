# wrong: fake -- the cache's peak is read after its first three inserts; the other 997 run after the reading, so the printed 'peak of 1,000 inserts' assumes the cache stays bounded instead of measuring it
# fails: the program prints the tracemalloc peaks of 1,000 inserts into a dict and into the cache
import sys
import tracemalloc


class ByteBoundedLRU:
    def __init__(self, budget):
        self.budget = budget
        self.used = 0
        self._entries = {}  # key -> (value, estimated size), oldest first

    def get(self, key, default=None):
        if key in self._entries:
            pair = self._entries.pop(key)
            self._entries[key] = pair
            return pair[0]
        return default

    def put(self, key, value):
        need = sys.getsizeof(value)
        if need > self.budget:
            return False
        stale = self._entries.pop(key, None)
        if stale is not None:
            self.used -= stale[1]
        while self._entries and self.used + need > self.budget:
            oldest = next(iter(self._entries))
            self.used -= self._entries.pop(oldest)[1]
        self._entries[key] = (value, need)
        self.used += need
        return True


def value_of(n, length=3951):
    # 3,951 ASCII characters: getsizeof reports 4,000 bytes on CPython 3.11
    return chr(ord("a") + n % 26) * length


lru = ByteBoundedLRU(10000)
for name in "abc":
    lru.put(name, value_of(ord(name) - ord("a")))
    print("inserted %s -> keys now %s" % (name, ", ".join(lru._entries)))
lru.get("b")
keys_before = set(lru._entries)
lru.put("d", value_of(3))
dropped = sorted(keys_before - set(lru._entries))
print("read b, inserted d -> evicted %s; keys now %s" % (", ".join(dropped), ", ".join(lru._entries)))

tracemalloc.start()
plain = {}
i = 0
while i < 1000:
    plain[i] = value_of(i)
    i += 1
plain_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del plain

tracemalloc.start()
bounded = ByteBoundedLRU(10000)
i = 0
while i < 1000:
    bounded.put(i, value_of(i))
    if i == 2:
        bounded_peak = tracemalloc.get_traced_memory()[1]
    i += 1
tracemalloc.stop()

print("dict, 1000 inserts:           peak %d bytes" % plain_peak)
print("ByteBoundedLRU, 1000 inserts: peak %d bytes" % bounded_peak)
print("a recently read key survives the next eviction: %s" % ("b" in lru._entries))
