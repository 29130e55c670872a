# correct: written from the task text: `import array` (the module), traced_peak with try/finally and reset of nothing, readings counted with a set of ids, arrays built in a dict comprehension of generators, comparisons with all(map(...)), its own wording
import array
import sys
import tracemalloc


def elevation(i):
    return (i * 7919) % 9249 - 400


def traced_peak(build):
    tracemalloc.start()
    try:
        thing = build()
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return thing, top


COUNT = 100_000
floats, floats_peak = traced_peak(lambda: [float(elevation(k)) for k in range(COUNT)])
print("list of floats peaked at", floats_peak, "bytes")
print("list object:", sys.getsizeof(floats), "bytes; one float:", sys.getsizeof(floats[0]), "bytes")
print("distinct float objects in the list:", len({id(v) for v in floats}))

results = {}
for tc in ("d", "f", "h"):
    convert = int if tc == "h" else float
    built, top = traced_peak(lambda: array.array(tc, (convert(elevation(k)) for k in range(COUNT))))
    agrees = len(built) == len(floats) and all(map(lambda a, b: a == b, built, floats))
    results[tc] = (top, agrees)
    print(f"type code {tc}: peak {top:,} bytes, holds the list's values: {agrees}")

print("itemsizes:", ", ".join(f"{tc}={array.array(tc).itemsize}" for tc in "bBhHiIlqfd"))

shared = [0.0] * 1_000_000
fresh = [float(k) * 0.0 for k in range(1_000_000)]
print("[0.0] * 1_000_000 holds", len({id(v) for v in shared}), "distinct objects; computed one by one:",
      len({id(v) for v in fresh}))
packed = array.array("f", [0.0]) * 1_000_000
print("array('f', [0.0]) * 1_000_000 takes", sys.getsizeof(packed), "bytes")
del shared, fresh, packed

try:
    array.array("h", [40_000])
except OverflowError as problem:
    print("array('h', [40_000]) raised:", problem)
print("array('f', [0.1])[0] == 0.1:", array.array("f", [0.1])[0] == 0.1)

every_match = all(agrees for _, agrees in results.values())
h_lowest = all(results["h"][0] < top for tc, (top, _) in results.items() if tc != "h") and results["h"][0] < floats_peak
print("same readings in every layout, array('h') smallest:", every_match and h_lowest)
