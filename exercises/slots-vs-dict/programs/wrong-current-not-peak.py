# wrong: prints the bytes still traced after each build (get_traced_memory()[0]), not the peak
# fails: the figures printed are peaks, each class's of its own build: run again with a `SlottedPoint` that holds 8 MB for a moment while some are made, the slotted peak printed rises by about that and the dict points' stays
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
    highest = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del made
    return highest


COUNT = 10_000
plain = peak_bytes(DictPoint, COUNT)
slim = peak_bytes(SlottedPoint, COUNT)
print(f"{COUNT:,} DictPoints: {plain} bytes at peak")
print(f"{COUNT:,} SlottedPoints: {slim} bytes at peak")
pt = SlottedPoint(1, 2, 3)
try:
    pt.w = 4
except AttributeError as problem:
    print("undeclared attribute on a SlottedPoint:", problem)
print(f"slotted points use less memory: {slim < plain}")
