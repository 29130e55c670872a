# correct: written from the task alone, differently: traced_peak measures growth above the start with clear_traces, arrays from map() over ints kept in a dict, element-by-element comparison with zip, itemsizes on one line, peaks in KiB, last line with "=" and lowercase true
import sys
import tracemalloc
from array import array

def elevation(i):
    return (i * 7919) % 9249 - 400

def traced_peak(build):
    tracemalloc.start()
    tracemalloc.clear_traces()
    base = tracemalloc.get_traced_memory()[0]
    result = build()
    top = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return result, top

n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
objects = set()
k = 0
while k < len(readings):
    objects.add(id(readings[k]))
    k += 1
print("List of floats")
print(f"  peak while building: {list_peak / 1024:.1f} KiB")
print(f"  the list object alone: {sys.getsizeof(readings):,} bytes")
print(f"  a float: {sys.getsizeof(1.0)} bytes")
print(f"  float objects: {len(objects):,}")

layouts = {}
for code in ("d", "f", "h"):
    layouts[code] = traced_peak(lambda: array(code, map(elevation, range(n))))
agree = True
for code, (values, peak) in layouts.items():
    equal = len(values) == len(readings) and all(a == b for a, b in zip(values, readings))
    agree = agree and equal
    print(f"typecode {code}: {peak / 1024:.1f} KiB at peak, matches the list: {equal}")

print("itemsize: " + ", ".join(f"{c}={array(c).itemsize}" for c in "bBhHiIlqfd"))

one_ref = [0.0] * 1_000_000
one_by_one = [0.0 + float(i - i) for i in range(1_000_000)]
print(f"[0.0] * 1_000_000: {len(set(map(id, one_ref)))} distinct object(s); "
      f"zeros computed one by one: {len(set(map(id, one_by_one))):,}; "
      f"array('f') of a million zeros: {sys.getsizeof(array('f', [0.0]) * 1_000_000):,} bytes")
one_ref = one_by_one = None

try:
    array("h", [40_000])
    print("40000 fits in 'h'")
except OverflowError as e:
    print(f"OverflowError: {e}")
print(f"array('f', [0.1])[0] == 0.1: {array('f', [0.1])[0] == 0.1} ({array('f', [0.1])[0]!r})")

lowest = sorted(layouts, key=lambda c: layouts[c][1])[0]
print(f"Same readings in every layout, array(h) smallest = {str(agree and lowest == 'h').lower()}")
