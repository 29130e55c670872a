# correct: starter-based solution that reports every step in full sentences and restarts tracemalloc for each traced build.
import sys
import tracemalloc
from array import array

def elevation(i):
    return (i * 7919) % 9249 - 400

def traced_peak(build):
    tracemalloc.start()
    try:
        built = build()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return built, peak

n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
print(f"The list of floats peaked at {list_peak} bytes while it was built.")
print(f"The list object itself is {sys.getsizeof(readings)} bytes.")
print(f"One float is {sys.getsizeof(readings[0])} bytes.")
print(f"The list holds {len({id(x) for x in readings})} distinct float objects.")

peaks = {}
all_match = True
for code in ("d", "f", "h"):
    if code == "h":
        arr, peak = traced_peak(lambda: array("h", (elevation(i) for i in range(n))))
    else:
        arr, peak = traced_peak(lambda: array(code, (float(elevation(i)) for i in range(n))))
    matches = len(arr) == len(readings) and all(a == b for a, b in zip(arr, readings))
    all_match = all_match and matches
    peaks[code] = peak
    print(f"array('{code}') peaked at {peak} bytes and holds the same values as the list: {matches}")

for code in "bBhHiIlqfd":
    print(f"Type code '{code}' stores each item in {array(code).itemsize} bytes.")

zeros = [0.0] * 1_000_000
print(f"[0.0] * 1_000_000 holds {len({id(x) for x in zeros})} distinct object(s).")
computed = [float(i - i) for i in range(1_000_000)]
print(f"A million zeros computed one by one hold {len({id(x) for x in computed})} distinct objects "
      f"({len(set(computed))} distinct value).")
del zeros, computed
packed, packed_peak = traced_peak(lambda: array("f", [0.0]) * 1_000_000)
print(f"array('f', [0.0]) * 1_000_000 is {sys.getsizeof(packed)} bytes by sys.getsizeof "
      f"and peaked at {packed_peak} bytes.")

try:
    array("h", [40_000])
except OverflowError as exc:
    print(f"array('h', [40_000]) raises {type(exc).__name__}: {exc}")
print(f"array('f', [0.1])[0] == 0.1 is {array('f', [0.1])[0] == 0.1}")

h_smallest = peaks["h"] < min(peaks["d"], peaks["f"], list_peak)
print("same readings in every layout, array('h') smallest:", all_match and h_smallest)
