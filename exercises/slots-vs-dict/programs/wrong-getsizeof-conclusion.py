# wrong: round 13: the last line compares one instance's sys.getsizeof of each class, not the two traced peaks
# fails: the program says whether slotted points use less memory, as measured
import sys
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
    points = [cls(i, i + 1, i + 2) for i in range(n)]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


dict_peak = peak_bytes(DictPoint, 10_000)
slot_peak = peak_bytes(SlottedPoint, 10_000)
print("DictPoint peak:", dict_peak, "bytes")
print("SlottedPoint peak:", slot_peak, "bytes")
try:
    SlottedPoint(0, 0, 0).colour = "red"
except AttributeError as e:
    print("AttributeError:", e)
smaller = sys.getsizeof(SlottedPoint(1, 2, 3)) < sys.getsizeof(DictPoint(1, 2, 3)) + sys.getsizeof(DictPoint(1, 2, 3).__dict__)
print("slotted points use less memory: " + str(smaller))
