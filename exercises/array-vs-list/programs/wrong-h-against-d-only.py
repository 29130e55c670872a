# wrong: round 13: the last line compares the 'h' peak with the 'd' peak only, not with 'f' and the list
# fails: the program concludes: same readings in every layout, array('h') smallest: True
import json
import sys
import tracemalloc
from array import array

N = 100_000


def elevation(i):
    return (i * 7919) % 9249 - 400


def traced_peak(build):
    """Trace build() alone; hand back (result, peak bytes)."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        made = build()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return made, peak


readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(N)])
print("step 1 - list of floats")
print(f"  traced peak ......... {list_peak:,}")
print(f"  list object ......... {sys.getsizeof(readings):,}")
print(f"  one float ........... {sys.getsizeof(readings[0]):,}")
print(f"  distinct floats ..... {len({id(v) for v in readings}):,}")
print("  (figures in bytes)")

sources = {
    "d": lambda: array("d", (float(elevation(i)) for i in range(N))),
    "f": lambda: array("f", (float(elevation(i)) for i in range(N))),
    "h": lambda: array("h", (elevation(i) for i in range(N))),
}
peaks, matches = {}, {}
for code, make in sources.items():
    arr, peaks[code] = traced_peak(make)
    matches[code] = len(arr) == len(readings) and all(a == b for a, b in zip(arr, readings))
print("step 2 - typed arrays")
print(" ".join(f"{c}={p}" for c, p in peaks.items()), "(peak bytes)")
print("values equal to the list:", matches)

print("step 3 - itemsize per code:")
print(json.dumps({c: array(c).itemsize for c in "bBhHiIlqfd"}))

shared = [0.0] * 1_000_000
computed = [float(k - k) for k in range(1_000_000)]
packed = array("f", [0.0]) * 1_000_000
print("step 4")
print("[0.0] * 1_000_000 distinct objects:")
print(len({id(z) for z in shared}))
print("a million computed zeros, distinct objects:")
print(len({id(z) for z in computed}))
print(f"array('f', [0.0]) * 1_000_000 getsizeof: {sys.getsizeof(packed):,} B = {sys.getsizeof(packed) / 2**20:.2f} MiB")
del shared, computed, packed

print("step 5")
try:
    array("h", [40_000])
except OverflowError as err:
    print("array('h', [40_000]) ->", type(err).__name__ + ":", err)
print("array('f', [0.1])[0] == 0.1 ->", array("f", [0.1])[0] == 0.1)

ok = all(matches.values()) and peaks["h"] < peaks["d"]
print("same readings in every layout, array('h') smallest: " + str(ok))
