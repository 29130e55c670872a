# wrong: measures nothing: the peaks and the conclusion are typed in from another run
# fails: the program measures both peaks with tracemalloc and prints them
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

print("10,000 DictPoints, peak: 1,767,992 bytes")
print("10,000 SlottedPoints, peak: 1,362,952 bytes")
try:
    SlottedPoint(1, 2, 3).colour = "red"
except AttributeError as error:
    print(f"AttributeError: {error}")
print("slotted points use less memory: True")
