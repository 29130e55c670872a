# correct: reset-based traced_peak (clear_traces + reset_peak) with results printed as small tables in bytes and KiB.
import sys
import tracemalloc
from array import array


def elevation(i):
    return (i * 7919) % 9249 - 400


def traced_peak(build):
    tracemalloc.clear_traces()
    tracemalloc.reset_peak()
    result = build()
    peak = tracemalloc.get_traced_memory()[1]
    return result, peak


def distinct_objects(items):
    return len({id(item) for item in items})


tracemalloc.start()
N = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(N)])
print("list of floats")
print(f"  peak while building : {list_peak:>10} B  ({list_peak / 1024:8.1f} KiB)")
print(f"  list object         : {sys.getsizeof(readings):>10} B")
print(f"  one float           : {sys.getsizeof(readings[0]):>10} B")
print(f"  distinct objects    : {distinct_objects(readings):>10}")

builders = {
    "d": lambda: array("d", (float(elevation(i)) for i in range(N))),
    "f": lambda: array("f", (float(elevation(i)) for i in range(N))),
    "h": lambda: array("h", (elevation(i) for i in range(N))),
}
print()
print(f"{'code':<6}{'peak B':>10}{'peak KiB':>10}  same values")
array_peaks = {}
matched = []
code_index = 0
codes = list(builders)
while code_index < len(codes):
    code = codes[code_index]
    arr, peak = traced_peak(builders[code])
    same = arr.tolist() == readings
    array_peaks[code] = peak
    matched.append(same)
    print(f"{code:<6}{peak:>10}{peak / 1024:>10.1f}  {same}")
    code_index += 1

print()
print("code  itemsize")
for code in "bBhHiIlqfd":
    print(f"  {code}   {array(code).itemsize}")

tracemalloc.stop()  # no need to trace the million-object lists below
repeated = [0.0] * 1_000_000
one_by_one = []
for i in range(1_000_000):
    one_by_one.append(float(i - i))
print()
print(f"[0.0] * 1_000_000       -> {distinct_objects(repeated)} distinct object(s)")
print(f"float(i - i) x 1,000,000 -> {distinct_objects(one_by_one)} distinct objects")
del repeated, one_by_one
tracemalloc.start()
zeros_f, zeros_peak = traced_peak(lambda: array("f", [0.0]) * 1_000_000)
print(f"array('f', [0.0]) * 1_000_000 -> getsizeof {sys.getsizeof(zeros_f)} B, "
      f"traced peak {zeros_peak} B ({zeros_peak / 1024:.1f} KiB)")
tracemalloc.stop()

print()
try:
    array("h", [40_000])
    print("array('h', [40_000]) did not raise")
except OverflowError as err:
    print("array('h', [40_000]) ->", repr(err))
print("array('f', [0.1])[0] == 0.1 ->", array("f", [0.1])[0] == 0.1,
      f"(stored as {array('f', [0.1])[0]!r})")

smallest = min(array_peaks, key=array_peaks.get) == "h" and array_peaks["h"] < list_peak
print(f"same readings in every layout, array('h') smallest: {all(matched) and smallest}")
