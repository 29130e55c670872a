# correct: no peak_bytes helper (a measuring function with other name and arguments), a while loop, floats for coordinates, thousands separators, repr of the error, "=" before the conclusion
import tracemalloc


class DictPoint:
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


class SlottedPoint:
    __slots__ = "x", "y", "z"

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


def build_and_measure(kind):
    tracemalloc.start()
    tracemalloc.reset_peak()
    made = []
    i = 0
    while i < 10_000:
        made.append(kind(float(i), i / 2, -float(i)))
        i += 1
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


results = {}
for kind in (DictPoint, SlottedPoint):
    results[kind.__name__] = build_and_measure(kind)
    print(f"{kind.__name__:>13}: {results[kind.__name__]:,} B peak for 10,000 points")

point = SlottedPoint(0.0, 0.0, 0.0)
try:
    point.colour = "red"
except AttributeError as problem:
    print("cannot add an attribute:", repr(problem))

print("Slotted points use less memory =", results["SlottedPoint"] < results["DictPoint"])
