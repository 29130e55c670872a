# wrong: round 10: array('h') built from range(n - 1), one reading short; the program's own comparison zips the array with the list, which stops at the shorter
# fails: each of array('d'), array('f') and array('h') the program builds holds exactly the 100,000 readings
import sys
import tracemalloc
from array import array


def elevation(i):
    return (i * 7919) % 9249 - 400


def traced_peak(build):
    tracemalloc.start()
    thing = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return thing, peak


def count_objects(items):
    return len({id(x) for x in items})


n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
print(f"list of floats: traced peak {list_peak} B")
print(f"  the list object itself: {sys.getsizeof(readings)} B; one float: {sys.getsizeof(readings[-1])} B")
print(f"  distinct float objects: {count_objects(readings)}")

specs = [
    ("d", lambda: array("d", (float(elevation(i)) for i in range(n)))),
    ("f", lambda: array("f", (float(elevation(i)) for i in range(n)))),
    ("h", lambda: array("h", (elevation(i) for i in range(n - 1)))),
]
array_peaks = {}
every_match = True
for code, make in specs:
    arr, array_peaks[code] = traced_peak(make)
    same = all(a == b for a, b in zip(arr, readings))
    every_match &= same
    print(f"  {code}: peak {array_peaks[code]} B, values equal to the list: {same}")

print("itemsizes:", {code: array(code).itemsize for code in "bBhHiIlqfd"})

ones_ref = [0.0] * 1_000_000
print("[0.0] * 1_000_000 ->", count_objects(ones_ref), "distinct object(s)")
fresh = [float(i - i) for i in range(1_000_000)]
print("float(i - i) a million times ->", count_objects(fresh), "distinct object(s)")
del ones_ref, fresh
fz, fz_peak = traced_peak(lambda: array("f", [0.0]) * 1_000_000)
print("array('f', [0.0]) * 1_000_000 -> traced peak", fz_peak, "B")

try:
    array("h", [40_000])
except OverflowError as err:
    print("array('h', [40_000]):", err)
print("array('f', [0.1])[0] == 0.1:", array("f", [0.1])[0] == 0.1)

smallest = min(array_peaks, key=array_peaks.get) == "h"
print("same readings in every layout, array('h') smallest:", every_match and smallest)
