# correct: written from the task alone (round 17): each row formatted with % in a method and printed by the caller
# reading: each list is built in its own tracemalloc session that starts after
# make_text(50_000) has produced the text; "peak" is tracemalloc's peak for that
# build; the large string for step 5 is 1,000,000 characters, made while tracing.
import random
import sys
import tracemalloc
import uuid

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


class Measured:
    def __init__(self, label, build):
        tracemalloc.start()
        self.value = build()
        self.current, self.peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self.label = label
        self.distinct = len({id(s) for s in self.value})

    def row(self):
        return "%-22s %7d names %12s B peak %8.1f KiB %7d distinct objects" % (
            self.label, len(self.value), format(self.peak, ","),
            self.peak / 1024, self.distinct)


N = 50_000
text = make_text(N)
plain = Measured("sliced names", lambda: list(names_in(text)))
interned = Measured("sys.intern'd names", lambda: [sys.intern(s) for s in names_in(text)])
assert plain.value == interned.value
for m in (plain, interned):
    print(m.row())

a = next(names_in("garden,toys"))
b = "".join(["gar", "den"])
print(f"a == b: {a == b}   a is b: {a is b}   "
      f"sys.intern(a) is sys.intern(b): {sys.intern(a) is sys.intern(b)}")

# step 5: does an interned string stay alive after its last reference goes?
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
big = sys.intern(uuid.uuid4().hex + "x" * 1_000_000)
holding = tracemalloc.get_traced_memory()[0]
del big
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(f"traced current before {before:,} B, while referenced {holding:,} B, "
      f"after del {after:,} B -> memory came back: {after - before < 1_000_000}")

print("interning shrinks the list of names:", interned.peak < plain.peak)
