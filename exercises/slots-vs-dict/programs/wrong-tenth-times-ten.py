# wrong: builds 1,000 points of each class and prints ten times those peaks as the peaks of 10,000
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
        self.x = x
        self.y = y
        self.z = z

def peak_bytes(cls, n):
    tracemalloc.start()
    points = [cls(i, i * 2, i * 3) for i in range(n)]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del points
    return peak

dict_peak = peak_bytes(DictPoint, 1_000) * 10
slot_peak = peak_bytes(SlottedPoint, 1_000) * 10
print(f"DictPoint peak: {dict_peak} bytes")
print(f"SlottedPoint peak: {slot_peak} bytes")

p = SlottedPoint(1, 2, 3)
try:
    p.w = 4
except AttributeError as err:
    print(f"AttributeError: {err}")

print(f"slotted points use less memory: {slot_peak < dict_peak}")
