# correct: one trace for both builds with reset_peak between them and a baseline subtracted, peaks printed with underscores, the undeclared attribute given with setattr and caught as `Exception as e`, printed as `type(e).__name__` and the message, a generator of points, no peak_bytes helper
import tracemalloc


class DictPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class SlottedPoint:
    __slots__ = ["x", "y", "z"]

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


def points(cls, n):
    return (cls(float(i), i / 2, -float(i)) for i in range(n))


tracemalloc.start()
measured = []
for cls in (DictPoint, SlottedPoint):
    baseline = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    built = list(points(cls, 10_000))
    measured.append(tracemalloc.get_traced_memory()[1] - baseline)
    del built
tracemalloc.stop()
dict_peak, slot_peak = measured
print(f"peak while building 10,000 DictPoint: {dict_peak:_} bytes")
print(f"peak while building 10,000 SlottedPoint: {slot_peak:_} bytes")

point = SlottedPoint(0.0, 0.0, 0.0)
try:
    setattr(point, "label", "origin")
except Exception as e:
    print("setting .label:", type(e).__name__, "-", e)

print("slotted points use less memory =", slot_peak < dict_peak)
