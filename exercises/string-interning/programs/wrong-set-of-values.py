# wrong: counts distinct values with set(), not distinct objects with id, so both lists report 5
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
    while (end := text.find(",", start)) != -1:
        yield text[start:end]
        start = end + 1
    yield text[start:]

def traced_peak(build):
    tracemalloc.start()
    result = build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, result

a, b = next(names_in("garden,toys")), "".join(["gar", "den"])
print(f"a == b: {a == b}")
print(f"a is b: {a is b}")
print(f"sys.intern(a) is sys.intern(b): {sys.intern(a) is sys.intern(b)}")

text = make_text(50_000)
plain_peak, plain = traced_peak(lambda: list(names_in(text)))
interned_peak, interned = traced_peak(lambda: [sys.intern(name) for name in names_in(text)])
print(f"distinct objects: {len(set(plain)):,} plain, {len(set(interned))} interned")
print(f"plain: {plain_peak:,} bytes peak")
print(f"interned: {interned_peak:,} bytes peak")

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
big = sys.intern("x" * 1_000_000 + "unique")
held = tracemalloc.get_traced_memory()[0] - before
del big
after = tracemalloc.get_traced_memory()[0] - before
tracemalloc.stop()
print(f"a large interned string: {held:,} bytes while referenced, {after:,} after del")
print(f"interning shrinks the list of names: {interned_peak < plain_peak}")
