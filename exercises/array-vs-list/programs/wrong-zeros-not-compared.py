# wrong: step 4 cut short: the distinct objects of [0.0] * 1_000_000 are counted, but neither a million zeros computed one by one nor array('f', [0.0]) * 1_000_000 is made to compare with; the rest as the task asks
# fails: the program counts the distinct objects of [0.0] * 1_000_000 and of a million zeros computed one by one, and sizes array('f', [0.0]) * 1_000_000
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
print(f"list: peak {list_peak} B, list object {sys.getsizeof(readings)} B, "
      f"one float {sys.getsizeof(readings[0])} B, distinct floats {len({id(x) for x in readings})}")

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
print("distinct objects in [0.0] * 1_000_000:", len({id(z) for z in zeros}))
del zeros

try:
    array('h', [40_000])
except OverflowError as error:
    print("array('h', [40_000]) ->", type(error).__name__, error)
print("array('f', [0.1])[0] == 0.1 ->", array('f', [0.1])[0] == 0.1)

smallest = min(peaks, key=peaks.get)
print(f"same readings in every layout, array('h') smallest: {all_match and smallest == 'h' and peaks['h'] < list_peak}")
