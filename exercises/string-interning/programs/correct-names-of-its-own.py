# correct: written from the task alone, another way: `from sys import intern`, names read with str.index in a try/except, the two strings of step 4 named `sliced` and `joined` (`sliced` cut by hand out of "toys,garden", `joined` built with `+=` at run time), interned one at a time, `joined` first, a helper that traces one build, and its own wording
import random
import tracemalloc
from sys import intern

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]


def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))


def names_in(text):
    start = 0
    while True:
        try:
            end = text.index(",", start)
        except ValueError:
            yield text[start:]
            break
        yield text[start:end]
        start = end + 1


def traced(build):
    tracemalloc.start()
    built = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return built, peak


feed = make_text(50_000)
plain, plain_peak = traced(lambda: list(names_in(feed)))
pooled, pooled_peak = traced(lambda: [intern(name) for name in names_in(feed)])
print(f"read as slices:   peak {plain_peak} bytes, {len(set(id(n) for n in plain))} distinct objects")
print(f"interned as read: peak {pooled_peak} bytes, {len(set(id(n) for n in pooled))} distinct objects")

sample = "toys,garden"
sliced = sample[5:]
joined = "gar"
joined += "den"
print("equal text, sliced == joined:", sliced == joined)
print("one object, sliced is joined:", sliced is joined)
first = intern(joined)
second = intern(sliced)
print("after interning, intern(sliced) is intern(joined):", second is first)

tracemalloc.start()
held_before = tracemalloc.get_traced_memory()[0]
big = intern("unique-" + "q" * 2_000_000)
held_with = tracemalloc.get_traced_memory()[0]
del big
held_after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(f"large interned string: {held_before} bytes traced before, {held_with} while held, {held_after} after del")

print("interning shrinks the list of names:", pooled_peak < plain_peak)
