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
import time
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]
REPEATS = 5  # timed rounds; the fastest is the least disturbed by the rest of the machine


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


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


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

# Interning n names and adding up each one's length and first character code,
# timed with tracemalloc off: the page sets this figure beside the Rust variant
# whose entries share one Rc<str> per distinct name. The Rust variant takes the
# five categories in turn, from names it already holds, so this step does too
# (no text to slice).
micros = best_time_us(lambda: sum(len(name) + ord(name[0]) for name in
                                  [sys.intern(CATEGORIES[i % len(CATEGORIES)]) for i in range(n)]))
print(f"timing: variant shared at n={n}: {micros:.1f} us per call, best of {REPEATS} (tracemalloc off)")
print(f"interning shrinks the list of names: {interned_peak < plain_peak}")
