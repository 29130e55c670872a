# wrong: the arrays are fed by a generator that walks the already built list of floats, so the list sits in between; they are not built straight from the readings' generator
# fails: the program prints the peak of array('d'), array('f') and array('h'), each built straight from a generator
import sys
import tracemalloc
from array import array


def elevation(i):
    return (i * 7919) % 9249 - 400


def traced_peak(build):
    was_tracing = tracemalloc.is_tracing()
    if was_tracing:
        tracemalloc.clear_traces()
    else:
        tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        made = build()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return made, peak


n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
print(f"list of floats: peak {list_peak} bytes, list object {sys.getsizeof(readings)} bytes, "
      f"one float {sys.getsizeof(readings[0])} bytes")
print(f"distinct float objects in the list: {len({id(x) for x in readings})} "
      f"(distinct values: {len(set(readings))})")

layouts = {}
for code in "dfh":
    if code == "h":
        arr, peak = traced_peak(lambda: array("h", (int(r) for r in readings)))
    else:
        arr, peak = traced_peak(lambda: array(code, (r for r in readings)))
    same = len(arr) == len(readings) and all(a == r for a, r in zip(arr, readings))
    layouts[code] = (peak, same)
    print(f"array('{code}'): peak {peak} bytes, holds the same readings: {same}")

print("itemsize per type code:", ", ".join(f"{c}={array(c).itemsize}" for c in "bBhHiIlqfd"))

repeated = [0.0] * 1_000_000
print("distinct objects in [0.0] * 1_000_000:", len({id(z) for z in repeated}))
del repeated
computed = [float(i - i) for i in range(1_000_000)]
print("distinct objects in a million computed zeros:", len({id(z) for z in computed}))
del computed
packed, packed_peak = traced_peak(lambda: array("f", [0.0]) * 1_000_000)
print(f"array('f', [0.0]) * 1_000_000: getsizeof {sys.getsizeof(packed)} bytes, traced peak {packed_peak} bytes")
del packed

try:
    array("h", [40_000])
except OverflowError as exc:
    print("array('h', [40_000]) raises OverflowError:", exc)
print("array('f', [0.1])[0] == 0.1:", array("f", [0.1])[0] == 0.1)

all_same = all(same for _, same in layouts.values())
h_smallest = all(layouts["h"][0] < peak for code, (peak, _) in layouts.items() if code != "h")
print("same readings in every layout, array('h') smallest:", all_same and h_smallest)
