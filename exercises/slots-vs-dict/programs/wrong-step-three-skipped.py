# wrong: step 3 is skipped: no undeclared attribute is tried, no error printed
# fails: an undeclared attribute on a `SlottedPoint` raises AttributeError, and the program prints that error
import tracemalloc

class DictPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

class SlottedPoint:
    __slots__ = "x", "y", "z"

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

def traced_peak(kind, count):
    tracemalloc.start()
    made = []
    for i in range(count):
        made.append(kind(i, i + 1, i + 2))
    _, highest = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return highest

COUNT = 10_000
plain = traced_peak(DictPoint, COUNT)
slim = traced_peak(SlottedPoint, COUNT)
print(f"DictPoint x {COUNT}: peak {plain} bytes")
print(f"SlottedPoint x {COUNT}: peak {slim} bytes")


print("slotted points use less memory:", slim < plain)
