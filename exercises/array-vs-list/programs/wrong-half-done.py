# wrong: half the task: the list and the three arrays with their peaks, but no itemsize table, no overflow, no 0.1, no conclusion
# fails: the program prints `array(code).itemsize` for each type code b B h H i I l q f d
# fails: the program shows `array('h', [40_000])` raising OverflowError and that array('f') does not give back 0.1
# fails: the program concludes: same readings in every layout, array('h') smallest: True
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
    packed, peak = traced_peak(lambda: array(code, (elevation(i) for i in range(n))))
    print(f"array('{code}') peak: {peak:,} bytes, same as the list: {list(packed) == readings}")
