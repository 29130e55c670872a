# wrong: traced_peak never traces (the starter's stub kept): every peak printed is 0 and the conclusion is typed
# fails: `traced_peak(build)` returns what `build()` made and the peak of that call alone, not what was left at its end
# fails: the program prints the list's peak, the size of the list object and of one float
# fails: the program prints the peak of array('d'), array('f') and array('h'), each built straight from a generator
import sys
import tracemalloc
from array import array

def elevation(i):
    return (i * 7919) % 9249 - 400

def traced_peak(build):
    return build(), 0

n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
print(f"list peak: {list_peak:,} bytes; list object {sys.getsizeof(readings):,} bytes; one float {sys.getsizeof(1.0)} bytes")
for code in "dfh":
    packed, peak = traced_peak(lambda: array(code, (elevation(i) for i in range(n))))
    print(f"array('{code}') peak: {peak:,} bytes")
for code in "bBhHiIlqfd":
    print(f"'{code}': {array(code).itemsize}")
try:
    array("h", [40_000])
except OverflowError as error:
    print(f"OverflowError: {error}")
print(f"array('f', [0.1])[0] == 0.1: {array('f', [0.1])[0] == 0.1}")
print("same readings in every layout, array('h') smallest: True")
