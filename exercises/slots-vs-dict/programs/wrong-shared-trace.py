# wrong: one trace for both classes: the DictPoints are still alive when the slotted peak is read, so that peak counts both lists and the conclusion comes out False
# fails: the program measures both peaks with tracemalloc and prints them
# fails: the program says whether slotted points use less memory, as measured
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

tracemalloc.start()
plain = [DictPoint(float(i), 2.0 * i, 3.0 * i) for i in range(10_000)]
dict_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.reset_peak()
slotted = [SlottedPoint(float(i), 2.0 * i, 3.0 * i) for i in range(10_000)]
slot_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(f"DictPoint peak: {dict_peak:,} bytes")
print(f"SlottedPoint peak: {slot_peak:,} bytes")
try:
    slotted[0].colour = "red"
except AttributeError as error:
    print(f"AttributeError: {error}")
print(f"slotted points use less memory: {slot_peak < dict_peak}")
