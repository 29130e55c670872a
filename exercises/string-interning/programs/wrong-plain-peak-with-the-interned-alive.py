# wrong: written from the task alone (round 21): both lists traced in one session, the interned one first and kept, so the plain list's peak holds the interned list too
# fails: the plain list's peak is of the plain list alone: nearer its own peak than to both lists' together
# reading: each list is traced on its own (tracemalloc started after
# make_text(50_000) has run, stopped after the list is complete); "peak" is
# get_traced_memory()[1] in bytes.  Step 5 uses a ~1 MB string that contains
# the process id, so it cannot already be interned; "traced memory" there is
# the current figure, get_traced_memory()[0].
import os
import random
import sys
import tracemalloc

CATEGORIES = ["electronics", "books", "clothing", "garden", "toys"]
N = 50_000


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


class Traced:
    """with Traced() as t: ...  -> t.peak, t.current (bytes)"""

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.current, self.peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()


# step 4: == versus is
a = next(names_in("garden,toys"))
b = "".join(["gar", "den"])
print("a == b:", a == b, "| a is b:", a is b,
      "| sys.intern(a) is sys.intern(b):", sys.intern(a) is sys.intern(b))

text = make_text(N)  # made before any tracing

tracemalloc.start()
interned = [sys.intern(s) for s in names_in(text)]
interned_peak = tracemalloc.get_traced_memory()[1]
plain = list(names_in(text))
plain_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()

table = {
    "plain slices": (plain_peak, len({id(s) for s in plain}), len(plain)),
    "sys.intern": (interned_peak, len({id(s) for s in interned}), len(interned)),
}
print(f"\n{'list':<14}{'names':>8}{'peak bytes':>14}{'peak KiB':>10}{'distinct ids':>14}")
for label, (peak, distinct, count) in table.items():
    print(f"{label:<14}{count:>8,}{peak:>14,}{peak / 1024:>10.1f}{distinct:>14,}")
print("same contents:", plain == interned)
del plain, interned

# step 5: does an interned string live for ever?
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
big = sys.intern(f"unique-{os.getpid()}-" * 50_000)
held = tracemalloc.get_traced_memory()[0]
del big
after = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(f"\ninterned big string: before {base:,} B, while referenced {held:,} B, "
      f"after del {after:,} B")
print("memory came back after del:", after - base < (held - base) // 2)

print("interning shrinks the list of names:",
      table["sys.intern"][0] < table["plain slices"][0])
