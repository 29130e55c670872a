# wrong: half the task: the two lists are built and measured, but a == b / a is b and the lifetime test are left out
# fails: the program shows `a == b`, `a is b` and `sys.intern(a) is sys.intern(b)`
# fails: the program interns a large string, deletes it and reads the traced memory before and after
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

text = make_text(50_000)
tracemalloc.start()
plain = list(names_in(text))
plain_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
tracemalloc.start()
interned = [sys.intern(s) for s in names_in(text)]
interned_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print("objects:", len({id(s) for s in plain}), "and", len({id(s) for s in interned}))
print("peaks:", plain_peak, "and", interned_peak)
print("interning shrinks the list of names:", interned_peak < plain_peak)
