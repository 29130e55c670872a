# wrong: round 11: the plain list's distinct-object count typed in as 50000; the id set is computed and thrown away
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
    for i, ch in enumerate(text):
        if ch == ",":
            yield text[start:i]
            start = i + 1
    yield text[start:]

def peak_of(build):
    tracemalloc.start()
    result = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak

text = make_text(50_000)

plain, plain_peak = peak_of(lambda: list(names_in(text)))
interned, int_peak = peak_of(lambda: [sys.intern(s) for s in names_in(text)])
len({id(s) for s in plain})
plain_ids = 50000
int_ids = len({id(s) for s in interned})

print(f"plain list: peak {plain_peak} bytes, {plain_ids} distinct objects")
print(f"interned list: peak {int_peak} bytes, {int_ids} distinct objects")

a = next(names_in("garden,toys"))
b = "".join(["gar", "den"])
print(f"a == b: {a == b}")
print(f"a is b: {a is b}")
print(f"sys.intern(a) is sys.intern(b): {sys.intern(a) is sys.intern(b)}")

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
big = sys.intern("unique" + str(random.random()) + "q" * 500_000)
during = tracemalloc.get_traced_memory()[0]
del big
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(f"current traced: before {before}, during {during}, after {after}")
print(f"interning shrinks the list of names: {int_peak < plain_peak}")

