# wrong: tracing is not stopped between the classes, so the second start() does nothing and the DictPoint 'peak' is the highest point of both runs, not DictPoint measured on its own
# fails: the figures printed are peaks, each class's of its own build: run again with a `SlottedPoint` that holds 8 MB for a moment while some are made, the slotted peak printed rises by about that and the dict points' stays
import time
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


def build(cls, n):
    return [cls(i * 0.5, i * 1.5, i * 2.5) for i in range(n)]


def peak_bytes(cls, n):
    tracemalloc.start()
    points = build(cls, n)
    peak = tracemalloc.get_traced_memory()[1]
    del points
    return peak


N = 10_000
slotted_peak = peak_bytes(SlottedPoint, N)
dict_peak = peak_bytes(DictPoint, N)
tracemalloc.stop()
print(f"{N:,} DictPoints: peak {dict_peak} bytes")
print(f"{N:,} SlottedPoints: peak {slotted_peak} bytes")

t0 = time.perf_counter()
timed = build(SlottedPoint, N)
total = sum(p.x + p.y + p.z for p in timed)
elapsed_ms = (time.perf_counter() - t0) * 1000
print(f"built and read {N:,} SlottedPoints in {elapsed_ms:.1f} ms")

point = SlottedPoint(1.0, 2.0, 3.0)
try:
    point.colour = "red"
except AttributeError as err:
    print(f"adding an undeclared attribute: AttributeError: {err}")

print(f"slotted points use less memory: {slotted_peak < dict_peak}")
