# wrong: `a` is the literal "garden", not sliced out of a text, and `b` is "gar" + "den": both are the one interned literal, so `a is b` prints True
# fails: `a` and `b` are two strings the program made as it ran, `a` sliced out of a text and `b` joined
import random
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]


def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))


def names_in(text):
    begin = 0
    while True:
        comma = text.find(",", begin)
        if comma == -1:
            yield text[begin:]
            return
        yield text[begin:comma]
        begin = comma + 1


def measure(build):
    tracemalloc.start()
    names = build()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return names, top


feed = make_text(50_000)
plain, plain_peak = measure(lambda: list(names_in(feed)))
interned, interned_peak = measure(lambda: [sys.intern(s) for s in names_in(feed)])
for label, names, peak in (("sliced", plain, plain_peak), ("interned", interned, interned_peak)):
    print(f"{label} names: peak {peak:,} bytes, {len({id(s) for s in names}):,} distinct objects")

a = "garden"
b = "gar" + "den"
print("a == b:", a == b)
print("a is b:", a is b)
print("sys.intern(a) is sys.intern(b):", sys.intern(a) is sys.intern(b))

tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
huge = sys.intern("".join(["unique-", "z" * 1_000_000]))
during = tracemalloc.get_traced_memory()[0] - base
del huge
after = tracemalloc.get_traced_memory()[0] - base
tracemalloc.stop()
print(f"interned 1 MB string: {during:,} B held while referenced, {after:,} B after del "
      f"({'memory came back' if after < during // 2 else 'memory stayed'})")

print(f"interning shrinks the list of names: {interned_peak < plain_peak}")
