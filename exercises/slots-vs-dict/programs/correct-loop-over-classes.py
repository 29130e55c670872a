# correct: one loop over both classes storing peaks in a dict keyed by class name, points appended in a for loop, reset_peak after start, the error printed with repr
import tracemalloc

class DictPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

class SlottedPoint:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

def peak_bytes(cls, n):
    tracemalloc.start()
    tracemalloc.reset_peak()
    points = []
    for i in range(n):
        points.append(cls(i, i + 1.0, -i))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak

COUNT = 10_000
results = {}
for cls in (DictPoint, SlottedPoint):
    results[cls.__name__] = peak_bytes(cls, COUNT)
    print(f"{cls.__name__}: peak {results[cls.__name__]:,} bytes for {COUNT:,} points")

try:
    SlottedPoint(1, 2, 3).colour = "red"
except AttributeError as exc:
    print("adding .colour failed:", repr(exc))

print("slotted points use less memory:", results["SlottedPoint"] < results["DictPoint"])
