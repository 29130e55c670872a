# wrong: every name goes through sys.intern, but the list keeps the first-seen slice from its own dict, not the object sys.intern returned, so the second list is deduplicated by hand rather than interned
# fails: the program passes every name of the second list through `sys.intern`
import random
import string
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
        if comma == -1:
            yield text[start:]
            return
        yield text[start:comma]
        start = comma + 1


def traced(build):
    tracemalloc.start()
    result = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


text = make_text(50_000)          # made before any tracing starts

plain, plain_peak = traced(lambda: list(names_in(text)))
plain_objects = len({id(s) for s in plain})
print(f"plain list:    {len(plain):,} names, peak {plain_peak:,} bytes, "
      f"{plain_objects:,} distinct objects")
del plain

def interned_names():
    shared = {}
    out = []
    for name in names_in(text):
        key = sys.intern(name)
        out.append(shared.setdefault(key, name))   # one object per category
    return out


interned, interned_peak = traced(interned_names)
interned_objects = len({id(s) for s in interned})
print(f"interned list: {len(interned):,} names, peak {interned_peak:,} bytes, "
      f"{interned_objects:,} distinct objects")

a = next(names_in("garden,toys"))
b = "".join(["gar", "den"])
print(f"a == b: {a == b}")
print(f"a is b: {a is b}")
print(f"sys.intern(a) is sys.intern(b): {sys.intern(a) is sys.intern(b)}")

# lifetime of an interned string
rng = random.Random(99)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
big = sys.intern("".join(rng.choices(string.ascii_letters, k=1_000_000)))
held = tracemalloc.get_traced_memory()[0]
del big
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(f"traced memory before: {before:,} bytes, while referenced: {held:,} "
      f"bytes, after del: {after:,} bytes")
print(f"memory came back after del: {after - before < (held - before) // 2}")

print(f"interning shrinks the list of names: {interned_peak < plain_peak}")
