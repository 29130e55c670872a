"""Heapwise reference program for slots-vs-dict (O1, P3).

Compares a class whose instances keep attributes in a dict of their own
with one that declares __slots__, then shows the slotted class refusing an
attribute it does not declare.
"""
import platform
import struct
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
    """Peak bytes traced while building n points of class cls."""
    tracemalloc.start()
    points = [cls(float(i), 2.0 * i, 3.0 * i) for i in range(n)]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del points
    return peak


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

d = DictPoint(1.0, 2.0, 3.0)
s = SlottedPoint(1.0, 2.0, 3.0)
print(f"DictPoint instance: {sys.getsizeof(d)} bytes, its __dict__: {sys.getsizeof(d.__dict__)} bytes")
print(f"SlottedPoint instance: {sys.getsizeof(s)} bytes, has __dict__: {hasattr(s, '__dict__')}")

n = 10_000
with_dict = peak_bytes(DictPoint, n)
with_slots = peak_bytes(SlottedPoint, n)
print(f"{n:,} DictPoints, peak: {with_dict:,} bytes")
print(f"{n:,} SlottedPoints, peak: {with_slots:,} bytes")

try:
    s.colour = "red"
except AttributeError as error:
    print(f"AttributeError: {error}")

print(f"slotted points use less memory: {with_slots < with_dict}")
