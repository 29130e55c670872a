# wrong: calls sys.intern on every name of the second list but keeps the slice it was given, not what sys.intern returns, so nothing is shared
# fails: the program passes every name of the second list through `sys.intern`
# fails: the program measures both lists with tracemalloc and prints their peaks
# fails: the program counts the distinct objects in each list with `id`
import random
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]

def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))

def names_in(text):
    start = 0
    while True:
        comma = text.find(",", start)
        if comma < 0:
            yield text[start:]
            return
        yield text[start:comma]
        start = comma + 1

a = next(names_in("garden,toys"))
b = "".join(["gar", "den"])
print("a == b:", a == b)
print("a is b:", a is b)
print("sys.intern(a) is sys.intern(b):", sys.intern(a) is sys.intern(b))

text = make_text(50_000)

def traced(build):
    tracemalloc.start()
    names = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return names, peak

plain, plain_peak = traced(lambda: list(names_in(text)))
def second_list():
    kept = []
    for s in names_in(text):
        sys.intern(s)  # called for every name, but its answer is dropped
        kept.append(s)
    return kept


shared, shared_peak = traced(second_list)
print(f"plain list:    peak {plain_peak:,} bytes, {len({id(s) for s in plain}):,} distinct objects")
print(f"interned list: peak {shared_peak:,} bytes, {len({id(s) for s in shared}):,} distinct objects")

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
big = sys.intern("unique-" + "q" * 1_000_000)
during = tracemalloc.get_traced_memory()[0]
del big
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(f"interned 1 MB string: before {before:,}, while alive {during:,}, after del {after:,} bytes traced")
print(f"memory came back after del: {after - before < (during - before) // 2}")

print(f"interning shrinks the list of names: {shared_peak < plain_peak}")
