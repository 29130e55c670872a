# wrong: no arrays at all: the array peaks are worked out as n * itemsize and typed in, the conclusion typed
# fails: the program prints the peak of array('d'), array('f') and array('h'), each built straight from a generator
import sys
import tracemalloc
from array import array

def elevation(i):
    return (i * 7919) % 9249 - 400

def traced_peak(build):
    tracemalloc.start()
    built = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return built, peak

n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
print(f"list peak: {list_peak:,} bytes; list object {sys.getsizeof(readings):,} bytes; one float {sys.getsizeof(1.0)} bytes")
print(f"distinct float objects: {len({id(x) for x in readings}):,}")
for code in "dfh":
    print(f"array('{code}') peak: {n * array(code).itemsize:,} bytes")
for code in "bBhHiIlqfd":
    print(f"'{code}': {array(code).itemsize}")
try:
    array("h", [40_000])
except OverflowError as error:
    print(f"OverflowError: {error}")
print(f"array('f', [0.1])[0] == 0.1: {array('f', [0.1])[0] == 0.1}")
print("same readings in every layout, array('h') smallest: True")
