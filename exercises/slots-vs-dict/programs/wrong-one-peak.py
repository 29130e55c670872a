# wrong: half the task: only the slotted points are measured; the conclusion is typed in
# fails: the program measures both peaks with tracemalloc and prints them
import tracemalloc

class SlottedPoint:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

tracemalloc.start()
points = [SlottedPoint(float(i), 2.0 * i, 3.0 * i) for i in range(10_000)]
print(f"10,000 SlottedPoints, peak: {tracemalloc.get_traced_memory()[1]:,} bytes")
tracemalloc.stop()
try:
    points[0].colour = "red"
except AttributeError as error:
    print(f"AttributeError: {error}")
print("slotted points use less memory: True")
