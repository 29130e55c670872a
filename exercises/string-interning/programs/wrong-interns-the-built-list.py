# wrong: honest slip - the second list is made by interning the already-built plain list instead of building it again from the text, so its traced peak leaves out reading the 50,000 names and only times the interning pass
# fails: the program passes every name of the second list through `sys.intern`
import random
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]


def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))


def names_in(text):
    start = 0
    while start <= len(text):
        comma = text.find(",", start)
        if comma < 0:
            comma = len(text)
        yield text[start:comma]          # a fresh slice every time
        start = comma + 1


a = next(names_in("garden,toys"))
b = "".join(["gar", "den"])
print("a == b:", a == b)
print("a is b:", a is b)
print("sys.intern(a) is sys.intern(b):", sys.intern(a) is sys.intern(b))

text = make_text(50_000)                 # made before any tracing


def traced(build):
    tracemalloc.start()
    names = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return names, peak


plain, plain_peak = traced(lambda: list(names_in(text)))
plain_objects = len({id(s) for s in plain})
count = len(plain)

shared, shared_peak = traced(lambda: [sys.intern(s) for s in plain])
shared_objects = len({id(s) for s in shared})
del plain, shared

print(f"{count:,} names as slices: peak {plain_peak:,} bytes, {plain_objects:,} distinct objects")
print(f"{count:,} names interned: peak {shared_peak:,} bytes, {shared_objects:,} distinct objects")

tracemalloc.start()
baseline = tracemalloc.get_traced_memory()[0]
big = sys.intern("lifetime-probe:" + "q" * 1_000_000)
held = tracemalloc.get_traced_memory()[0]
del big
released = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(f"traced memory with the interned long string referenced: {held:,} bytes")
print(f"traced memory after del: {released:,} bytes")
print("the interned string's memory came back:", released - baseline < (held - baseline) // 2)

print("interning shrinks the list of names:", shared_peak < plain_peak)
