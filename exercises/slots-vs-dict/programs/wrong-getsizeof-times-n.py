# wrong: no tracemalloc: one point measured with sys.getsizeof (plus its __dict__) and multiplied by 10,000
# fails: the program measures both peaks with tracemalloc and prints them
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
    import sys
    p = cls(1, 2.0, -1)
    one = sys.getsizeof(p) + (sys.getsizeof(p.__dict__) if hasattr(p, "__dict__") else 0)
    return one * n

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
