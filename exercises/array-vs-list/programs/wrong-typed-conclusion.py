# wrong: measures everything, but the last line is typed True instead of worked out from the comparisons and peaks
# fails: the program concludes: same readings in every layout, array('h') smallest: True
import sys
import tracemalloc
from array import array

def elevation(i):
    return (i * 7919) % 9249 - 400

def traced_peak(build):
    tracemalloc.start()
    try:
        built = build()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return built, peak

n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
def distinct_objects(items):
    seen = {}
    for item in items:
        seen[id(item)] = True
    return len(seen)


print(f"list: peak {list_peak} B, list object {sys.getsizeof(readings)} B, "
      f"one float {sys.getsizeof(readings[0])} B")
print("objects in the list:", distinct_objects(readings))

all_match = True
peaks = {}
for code in "dfh":
    if code == "h":
        arr, peak = traced_peak(lambda: array(code, (elevation(i) for i in range(n))))
    else:
        arr, peak = traced_peak(lambda: array(code, (float(elevation(i)) for i in range(n))))
    peaks[code] = peak
    matches = list(arr) == readings
    all_match = all_match and matches
    print(f"array {code!r}: peak {peak} B, same values as the list: {matches}")

for code in "bBhHiIlqfd":
    print(code, array(code).itemsize)

zeros = [0.0] * 1_000_000
computed = []
for i in range(1_000_000):
    computed.append(0.0 * i)
print("[0.0] * 1_000_000 ->", distinct_objects(zeros), "object(s); computed one by one ->",
      distinct_objects(computed), "object(s)")
packed = array('f', [0.0]) * 1_000_000
print("sizes:", sys.getsizeof(zeros), sys.getsizeof(computed) + len(computed) * sys.getsizeof(0.0), sys.getsizeof(packed))
del zeros, computed, packed

try:
    array('h', [40_000])
except OverflowError as error:
    print("array('h', [40_000]) ->", type(error).__name__, error)
print("array('f', [0.1])[0] == 0.1 ->", array('f', [0.1])[0] == 0.1)

smallest = min(peaks, key=peaks.get)
print("same readings in every layout, array('h') smallest: True")
