# wrong: written from the task and the page's list of checks (round 22): `array(code).itemsize` measured, and the itemsizes printed from a typed table
# fails: the itemsizes and the 0.1 answer are what the program's arrays give: run again with an `array` whose 'f' keeps doubles, it prints 8 for 'f' and True
# reading: "each call traces build() on its own" -> every call starts a fresh tracemalloc
# session, so the peak is that of the call alone; "lowest peak" in step 6 is compared against
# the list and the other two arrays.
import sys
import time
import tracemalloc
from array import array
from dataclasses import dataclass, field


def elevation(i):
    return (i * 7919) % 9249 - 400


def traced_peak(build):
    """Trace build() alone; give back (what it built, peak bytes during the call)."""
    was_tracing = tracemalloc.is_tracing()
    if was_tracing:
        tracemalloc.stop()
    tracemalloc.start()
    try:
        built = build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        if was_tracing:
            tracemalloc.start()
    return built, peak


@dataclass
class Layout:
    code: str
    peak: int
    matches: bool = field(default=False)


def distinct_objects(items):
    return len({id(x) for x in items})


n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])

print("== step 1: list of floats ==")
print(f"list peak          : {list_peak:>12,} bytes ({list_peak / 1024:,.1f} KiB)")
print(f"sys.getsizeof(list): {sys.getsizeof(readings):>12,} bytes")
print(f"one float          : {sys.getsizeof(readings[0]):>12,} bytes")
print(f"distinct float objects in the list: {distinct_objects(readings):,}"
      f" (distinct values: {len(set(readings)):,})")

print("== step 2: typed arrays built from a generator ==")
makers = {
    "d": lambda: array("d", (float(elevation(i)) for i in range(n))),
    "f": lambda: array("f", (float(elevation(i)) for i in range(n))),
    "h": lambda: array("h", (elevation(i) for i in range(n))),
}
layouts = {}
for code, make in makers.items():
    arr, peak = traced_peak(make)
    same = len(arr) == len(readings) and all(a == r for a, r in zip(arr, readings))
    layouts[code] = Layout(code, peak, same)
    print("array('%s'): peak %9d bytes, holds the same readings: %s" % (code, peak, same))

started = time.perf_counter()
h_total = sum(array("h", (elevation(i) for i in range(n))))
elapsed = time.perf_counter() - started
print(f"timing: array('h') built and summed in {elapsed * 1000:.1f} ms (sum {h_total:,})")

print("== step 3: itemsize per type code ==")
ITEMSIZE = {"b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "q": 8, "f": 4, "d": 8}
measured = {}
for code in "bBhHiIlqfd":
    measured[code] = array(code).itemsize
print(*(f"{code}={ITEMSIZE[code]}" for code in "bBhHiIlqfd"), sep="  ")

print("== step 4: a million zeros ==")
shared = [0.0] * 1_000_000
print("[0.0] * 1_000_000 distinct objects:", distinct_objects(shared))
del shared
computed = [float(i - i) for i in range(1_000_000)]
print("float(i - i) one by one distinct objects:", distinct_objects(computed))
del computed
zeros_f, zeros_f_peak = traced_peak(lambda: array("f", [0.0]) * 1_000_000)
print("array('f', [0.0]) * 1_000_000: getsizeof {:,} bytes, traced peak {:,} bytes".format(
    sys.getsizeof(zeros_f), zeros_f_peak))
del zeros_f

print("== step 5: values that do not fit ==")
try:
    array("h", [40_000])
except OverflowError as exc:
    print(f"array('h', [40_000]) -> {type(exc).__name__}: {exc}")
print("array('f', [0.1])[0] == 0.1:", array("f", [0.1])[0] == 0.1)

all_match = all(lay.matches for lay in layouts.values())
h_lowest = all(layouts["h"].peak < p for p in [list_peak, layouts["d"].peak, layouts["f"].peak])
print("same readings in every layout, array('h') smallest:", all_match and h_lowest)
