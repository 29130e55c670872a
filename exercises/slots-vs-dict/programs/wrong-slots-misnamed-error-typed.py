# wrong: the attribute names put in a class variable called `slots`, not `__slots__`, and the AttributeError typed into a print instead of raised
# fails: `SlottedPoint` declares `__slots__` for x, y and z
# fails: a `SlottedPoint` keeps x, y and z and has no `__dict__`
# fails: an undeclared attribute on a `SlottedPoint` raises AttributeError, and the program prints that error
# fails: 10,000 SlottedPoints use less memory than 10,000 points with a `__dict__` (measured by the check)
import tracemalloc

class DictPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

class SlottedPoint:
    slots = ("x", "y", "z")

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

print("adding .colour failed:", repr(AttributeError("'SlottedPoint' object has no attribute 'colour'")))

print("slotted points use less memory:", results["SlottedPoint"] < results["DictPoint"])
