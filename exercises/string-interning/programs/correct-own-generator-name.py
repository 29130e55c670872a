# correct: slices of one text, interned twice-built list, each traced with the text made first, distinct ids counted, ==/is demo, intern-lifetime test, computed last line
import random
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]

def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))

def split_names(text):
    start = 0
    while True:
        end = text.find(",", start)
        if end == -1:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1

def traced(build):
    tracemalloc.start()
    result = build()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, top

feed = make_text(50_000)
raw, raw_peak = traced(lambda: list(split_names(feed)))
shared, shared_peak = traced(lambda: [sys.intern(s) for s in split_names(feed)])
print(f"plain slices: peak {raw_peak} B, {len({id(s) for s in raw})} distinct objects")
print(f"interned:     peak {shared_peak} B, {len({id(s) for s in shared})} distinct objects")

a = next(split_names("garden,toys"))
b = "".join(["gar", "den"])
print("a == b:", a == b)
print("a is b:", a is b)
print("sys.intern(a) is sys.intern(b):", sys.intern(a) is sys.intern(b))

tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
huge = sys.intern("".join(["q"] * 1_000_000) + str(random.random()))
held = tracemalloc.get_traced_memory()[0] - base
del huge
left = tracemalloc.get_traced_memory()[0] - base
tracemalloc.stop()
print(f"interned large string: {held} B traced while held, {left} B after del")

print("interning shrinks the list of names:", shared_peak < raw_peak)
