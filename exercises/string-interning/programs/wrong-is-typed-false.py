# wrong: written from the task and the page's list of checks (round 22): `a is b` printed from a typed False, never evaluated
# fails: the program shows `a == b`, `a is b` and `sys.intern(a) is sys.intern(b)`
import random
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]


def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))


def names_in(text):
    start = 0
    for pos, ch in enumerate(text):
        if ch == ",":
            yield text[start:pos]
            start = pos + 1
    yield text[start:]


def measure(build, text):
    tracemalloc.start()
    names = build(text)
    _used, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return names, peak


text = make_text(50_000)
plain, plain_peak = measure(lambda t: list(names_in(t)), text)
plain_ids = len({id(s) for s in plain})
del plain
interned, interned_peak = measure(lambda t: [sys.intern(s) for s in names_in(t)], text)
interned_ids = len({id(s) for s in interned})
del interned

print(f"plain list:    peak {plain_peak} bytes, {plain_ids} distinct objects")
print(f"interned list: peak {interned_peak} bytes, {interned_ids} distinct objects")

a = next(x for i, x in enumerate(names_in("toys,garden")) if i == 1)
b = "".join(["gar", "den"])
checks = [
    ("a == b", a == b),
    ("a is b", False),  # two separately built strings are never the same object
    ("sys.intern(a) is sys.intern(b)", sys.intern(a) is sys.intern(b)),
]
for label, value in checks:
    print(f"{label}: {value}")

tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
big = sys.intern("unique-%d-" % random.getrandbits(40) + "#" * 1_000_000)
held = tracemalloc.get_traced_memory()[0]
del big
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(f"traced before: {before} bytes, while referenced: {held} bytes, after del: {after} bytes")

print(f"interning shrinks the list of names: {interned_peak < plain_peak}")
