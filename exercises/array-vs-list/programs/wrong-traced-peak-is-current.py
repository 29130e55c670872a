# wrong: held-out round 8: traced_peak returns the current traced size, not the peak
# fails: `traced_peak(build)` returns what `build()` made and the peak of that call alone, not what was left at its end
import sys
import tracemalloc
from array import array


def elevation(i):
    return (i * 7919) % 9249 - 400


def traced_peak(build):
    tracemalloc.start()
    try:
        built = build()
        peak, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return built, peak


n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
print(f"list of floats: peak {list_peak:,} B, list object {sys.getsizeof(readings):,} B, "
      f"one float {sys.getsizeof(readings[0])} B, distinct float objects {len({id(x) for x in readings}):,}")

peaks = {}
all_match = True
for code in ("d", "f", "h"):
    arr, peak = traced_peak(lambda: array(code, (elevation(i) for i in range(n))))
    peaks[code] = peak
    matches = len(arr) == len(readings) and all(a == b for a, b in zip(arr, readings))
    all_match = all_match and matches
    print(f"array('{code}'): peak {peak:,} B, same values as the list: {matches}")

for code in "bBhHiIlqfd":
    print(f"itemsize {code}: {array(code).itemsize}")

repeated = [0.0] * 1_000_000
print(f"[0.0] * 1_000_000: {len({id(x) for x in repeated})} distinct object(s)")
del repeated
computed = [float(i - i) for i in range(1_000_000)]
print(f"a million zeros computed one by one: {len({id(x) for x in computed}):,} distinct objects")
del computed
zeros_f, zeros_peak = traced_peak(lambda: array('f', [0.0]) * 1_000_000)
print(f"array('f', [0.0]) * 1_000_000: getsizeof {sys.getsizeof(zeros_f):,} B, traced peak {zeros_peak:,} B")
del zeros_f

try:
    array('h', [40_000])
except OverflowError as exc:
    print(f"array('h', [40_000]) raises {type(exc).__name__}: {exc}")
print("array('f', [0.1])[0] == 0.1:", array('f', [0.1])[0] == 0.1)

h_smallest = peaks["h"] < min(peaks["d"], peaks["f"], list_peak)
print("same readings in every layout, array('h') smallest:", all_match and h_smallest)
