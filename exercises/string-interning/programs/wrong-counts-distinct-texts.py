# wrong: written from the task alone (round 19): the ids are counted, but the table prints `len(set(names))`, the distinct texts, as the distinct objects
# fails: the program counts the distinct objects in each list with `id`
# reading: each list is measured in its own trace (start ... stop) and "peak" is the
#          tracemalloc peak in bytes while the list is built and still alive.
# reading: step 5 uses the *current* traced bytes (get_traced_memory()[0]) before,
#          while the interned string is referenced, and after `del`.
import random
import sys
import tracemalloc
from dataclasses import dataclass, field

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]
N_NAMES = 50_000


def make_text(n, seed=7):
    rng = random.Random(seed)
    return ",".join(rng.choice(CATEGORIES) for _ in range(n))


def names_in(text):
    start = 0
    while True:
        comma = text.find(",", start)
        if comma < 0:
            yield text[start:]
            return
        yield text[start:comma]
        start = comma + 1


@dataclass
class Traced:
    """Context manager: records tracemalloc's current and peak bytes on exit."""
    label: str
    current: int = 0
    peak: int = 0
    extra: dict = field(default_factory=dict)

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.current, self.peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return False


# steps 1-3 ---------------------------------------------------------------
text = make_text(N_NAMES)            # made before any tracing starts

with Traced("plain") as plain_m:
    plain = list(names_in(text))
plain_m.extra["distinct"] = len({id(s) for s in plain})

with Traced("interned") as interned_m:
    interned = [sys.intern(s) for s in names_in(text)]
interned_m.extra["distinct"] = len({id(s) for s in interned})

assert plain == interned and len(plain) == N_NAMES
print(f"{'list':<10}{'names':>8}{'peak bytes':>14}{'peak KiB':>10}{'distinct objects':>18}")
for m, names in ((plain_m, plain), (interned_m, interned)):
    print(f"{m.label:<10}{len(names):>8,}{m.peak:>14,}{m.peak / 1024:>10.1f}{len(set(names)):>18,}")
print()

# step 4 ------------------------------------------------------------------
a = next(names_in("garden,toys"))
b = "".join(["gar", "den"])
print("a == b:", a == b, "| a is b:", a is b, "| sys.intern(a) is sys.intern(b):", sys.intern(a) is sys.intern(b))
print()

# step 5 ------------------------------------------------------------------
rng = random.Random(11)
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
big = sys.intern("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(1_000_000)))
held = tracemalloc.get_traced_memory()[0]
del big
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("large interned string, current traced bytes:")
print("  before       %12s" % format(before, ","))
print("  referenced   %12s" % format(held, ","))
print("  after del    %12s" % format(after, ","))
print("  memory came back after del:", after - before < (held - before) // 2)
print()

print("interning shrinks the list of names:", interned_m.peak < plain_m.peak)
