# wrong: SlottedPoint keeps a __dict__ (no __slots__ declared): the naive class under the optimized name
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
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

def peak_bytes(cls, n):
    tracemalloc.start()
    points = [cls(float(i), 2.0 * i, 3.0 * i) for i in range(n)]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del points
    return peak

with_dict = peak_bytes(DictPoint, 10_000)
with_slots = peak_bytes(SlottedPoint, 10_000)
print(f"10,000 DictPoints, peak: {with_dict:,} bytes")
print(f"10,000 SlottedPoints, peak: {with_slots:,} bytes")
try:
    SlottedPoint(1.0, 2.0, 3.0).colour = "red"
except AttributeError as error:
    print(f"AttributeError: {error}")
print(f"slotted points use less memory: {with_slots < with_dict}")
