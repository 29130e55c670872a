# wrong: step 2's check compares only the first 1,000 values of each array with the list, not all 100,000 readings.
# fails: the program concludes: same readings in every layout, array('h') smallest: True
import sys
import tracemalloc
from array import array

def elevation(i):
    return (i * 7919) % 9249 - 400

def traced_peak(build):
    tracemalloc.clear_traces()
    tracemalloc.reset_peak()
    thing = build()
    return thing, tracemalloc.get_traced_memory()[1]

tracemalloc.start()
n = 100_000
readings, list_peak = traced_peak(lambda: [float(elevation(i)) for i in range(n)])
print("list peak      :", list_peak, "B")
print("list object    :", sys.getsizeof(readings), "B")
print("one float      :", sys.getsizeof(readings[0]), "B")
print("distinct floats:", len({id(r) for r in readings}))

SAMPLE = 1_000
layouts = {}
for code in ("d", "f", "h"):
    if code == "h":
        arr, peak = traced_peak(lambda: array("h", (elevation(i) for i in range(n))))
    else:
        arr, peak = traced_peak(lambda: array(code, (float(elevation(i)) for i in range(n))))
    same = arr[:SAMPLE].tolist() == readings[:SAMPLE]
    layouts[code] = (peak, same)
    print(f"array('{code}') peak {peak} B ({peak / 1024:.0f} KiB) -> same values: {same}")
tracemalloc.stop()

for code in "bBhHiIlqfd":
    print(f"'{code}' itemsize {array(code).itemsize}")

one_ref = [0.0] * 1_000_000
print("[0.0] * 1_000_000 distinct objects:", len({id(z) for z in one_ref}))
many = [float(i - i) for i in range(1_000_000)]
print("float(i - i) zeros distinct objects:", len({id(z) for z in many}))
del one_ref, many
tracemalloc.start()
packed, packed_peak = traced_peak(lambda: array("f", [0.0]) * 1_000_000)
tracemalloc.stop()
print("array('f', [0.0]) * 1_000_000 peak:", packed_peak, "B")

try:
    array("h", [40_000])
except OverflowError as exc:
    print("array('h', [40_000]) ->", type(exc).__name__, exc)
print("array('f', [0.1])[0] == 0.1 ->", array("f", [0.1])[0] == 0.1)

h_peak = layouts["h"][0]
ok = all(same for _, same in layouts.values()) and h_peak < min(layouts["d"][0], layouts["f"][0], list_peak)
print("same readings in every layout, array('h') smallest:", ok)
