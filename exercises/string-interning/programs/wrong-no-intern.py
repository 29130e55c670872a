# wrong: the "interned" list is built without sys.intern: the naive list under the optimized name
# fails: the program passes every name of the second list through `sys.intern`
# fails: the program measures both lists with tracemalloc and prints their peaks
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
interned_peak, interned = traced_peak(lambda: [name for name in names_in(text)])
print(f"distinct objects: {len({id(s) for s in plain}):,} plain, {len({id(s) for s in interned})} interned")
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
