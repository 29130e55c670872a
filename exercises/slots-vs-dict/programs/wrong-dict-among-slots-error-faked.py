# wrong: SlottedPoint lists __dict__ among its slots, so every instance still gets a dict (slots named, not used)
# fails: a `SlottedPoint` keeps x, y and z and has no `__dict__`
# fails: an undeclared attribute on a `SlottedPoint` raises AttributeError, and the program prints that error
import tracemalloc

class DictPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

class SlottedPoint:
    __slots__ = "x", "y", "z", "__dict__"

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

sp = SlottedPoint(1, 2, 3)
try:
    sp.w = 4
    print("adding w fails: AttributeError(\"'SlottedPoint' object has no attribute 'w'\")")
except AttributeError as problem:
    print("adding w fails:", repr(problem))

print("slotted points use less memory:", slim < plain)
