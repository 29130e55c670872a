# wrong: both classes are measured at 1,000 instances and the peaks multiplied by 10
# fails: the program measures both peaks with tracemalloc and prints them
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
plain = traced_peak(DictPoint, COUNT // 10) * 10
slim = traced_peak(SlottedPoint, COUNT // 10) * 10
print(f"DictPoint x {COUNT}: peak {plain} bytes")
print(f"SlottedPoint x {COUNT}: peak {slim} bytes")

sp = SlottedPoint(1, 2, 3)
try:
    sp.w = 4
except AttributeError as problem:
    print("adding w fails:", repr(problem))

print("slotted points use less memory:", slim < plain)
