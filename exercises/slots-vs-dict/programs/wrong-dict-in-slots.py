# wrong: "__dict__" listed in the slots, so instances still get a dict and accept any attribute
# fails: a `SlottedPoint` keeps x, y and z and has no `__dict__`
# fails: an undeclared attribute on a `SlottedPoint` raises AttributeError, and the program prints that error
import tracemalloc

class DictPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

class SlottedPoint:
    __slots__ = ("x", "y", "z", "__dict__")

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
