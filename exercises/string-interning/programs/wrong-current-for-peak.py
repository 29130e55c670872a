# wrong: step 3 prints and compares get_traced_memory()[0] (current bytes after building) as each list's "peak" instead of the peak.
# fails: the program passes every name of the second list through `sys.intern`
# fails: the program measures both lists with tracemalloc and prints their peaks
import random
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]
PRODUCTS = 50_000


def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))


def slices_of(feed):
    cut = 0
    for pos, ch in enumerate(feed):
        if ch == ",":
            yield feed[cut:pos]
            cut = pos + 1
    yield feed[cut:]


def build(feed, intern):
    result = []
    for name in slices_of(feed):
        if intern:
            name = sys.intern(name)
        result.append(name)
    return result


feed = make_text(PRODUCTS)
rows = []
for label, intern in (("plain", False), ("interned", True)):
    tracemalloc.start()
    names = build(feed, intern)
    peak, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows.append((label, len(names), peak, len({id(n) for n in names})))
    del names

print(f"{'list':<10}{'names':>8}{'peak B':>12}{'KiB':>9}{'distinct ids':>14}")
for label, count, peak, distinct in rows:
    print(f"{label:<10}{count:>8}{peak:>12}{peak / 1024:>9.1f}{distinct:>14}")

a = list(slices_of("toys,garden,books"))[1]
b = "".join(["gar", "den"])
print("a == b:", a == b)
print("a is b:", a is b)
print("sys.intern(a) is sys.intern(b):", sys.intern(a) is sys.intern(b))

tracemalloc.start()
readings = [("before", tracemalloc.get_traced_memory()[0])]
payload = sys.intern(f"payload-{id(readings)}-" + "q" * 3_000_000)
readings.append(("while held", tracemalloc.get_traced_memory()[0]))
del payload
readings.append(("after del", tracemalloc.get_traced_memory()[0]))
tracemalloc.stop()
for stage, current in readings:
    print(f"  {stage:<11}{current:>10} B")

print("interning shrinks the list of names:", rows[1][2] < rows[0][2])
