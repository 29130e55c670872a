# wrong: the itemsize table and the answer for 0.1 typed in (right on 64-bit CPython), everything else measured
# fails: the itemsizes and the 0.1 answer are what the program's arrays give: run again with an `array` whose 'f' keeps doubles, it prints 8 for 'f' and True
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

ITEMSIZES = {"b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "q": 8, "f": 4, "d": 8}
for code in "bBhHiIlqfd":
    print(code, ITEMSIZES[code])

zeros = [0.0] * 1_000_000
print("distinct objects in [0.0] * 1_000_000:", len({id(z) for z in zeros}))
computed = [float(i - i) for i in range(1_000_000)]
print("distinct objects in a million computed zeros:", len({id(z) for z in computed}))
packed = array('f', [0.0]) * 1_000_000
print("sizes:", sys.getsizeof(zeros), sys.getsizeof(computed) + len(computed) * sys.getsizeof(0.0), sys.getsizeof(packed))
del zeros, computed, packed

try:
    array('h', [40_000])
except OverflowError as error:
    print("array('h', [40_000]) ->", type(error).__name__, error)
print("array('f', [0.1])[0] == 0.1 ->", False)

smallest = min(peaks, key=peaks.get)
print(f"same readings in every layout, array('h') smallest: {all_match and smallest == 'h' and peaks['h'] < list_peak}")
