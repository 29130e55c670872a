"""Heapwise reference program for string-interning (O5).

50,000 category names read out of one long text arrive as 50,000
separate string objects. Interning them with sys.intern leaves one object
per distinct name. The program compares identity with equality, measures
both lists with tracemalloc, and checks whether an interned string is
freed once nothing refers to it.
"""
import platform
import random
import struct
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]


def make_text(n, seed=7):
    """n category names separated by commas, like one column of a file."""
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))


def names_in(text):
    # Each slice is a new str object, as each field read from a file is.
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


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

a, b = next(names_in("garden,toys")), "".join(["gar", "den"])
print(f"a == b: {a == b}")
print(f"a is b: {a is b}")
print(f"sys.intern(a) is sys.intern(b): {sys.intern(a) is sys.intern(b)}")

# Not interning, but often mistaken for it: a constant is stored once per
# compiled block of code, so two names given the literal 300 in one script
# share one int object; compiled one statement at a time (as at the
# interactive prompt), they do not.
x = 300
y = 300
one_at_a_time = {}
exec("x = 300", one_at_a_time)
exec("y = 300", one_at_a_time)
print(f"x = 300 and y = 300 in one script give one object: {x is y}")
print(f"x = 300 and y = 300 compiled one at a time give one object: {one_at_a_time['x'] is one_at_a_time['y']}")

n = 50_000
text = make_text(n)  # made before tracing starts: the "file" is not counted
plain_peak, plain = traced_peak(lambda: list(names_in(text)))
interned_peak, interned = traced_peak(lambda: [sys.intern(name) for name in names_in(text)])
print(f"distinct objects: {len({id(s) for s in plain}):,} plain, {len({id(s) for s in interned})} interned")
print(f"{n:,} names, one object each: {plain_peak:,} bytes peak")
print(f"{n:,} names, interned as they are read: {interned_peak:,} bytes peak")
print(f"equal contents: {plain == interned}")

# Does an interned string outlive its last reference? Measure it.
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
big = sys.intern("x" * 1_000_000 + "unique")
held = tracemalloc.get_traced_memory()[0] - before
del big
after = tracemalloc.get_traced_memory()[0] - before
tracemalloc.stop()
print(f"a 1,000,006-character interned string: {held:,} bytes while referenced, {after:,} after del")

print(f"interning shrinks the list of names: {interned_peak < plain_peak}")
