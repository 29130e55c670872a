# wrong: no undeclared attribute is ever assigned; the AttributeError is constructed from the class name and printed, so the error line is typed, not the one the program got
# fails: the error printed is the one the program got: run again with a `SlottedPoint` that takes any attribute, the error line is gone, and with one that refuses in other words, it changes
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


def peak_bytes(cls, n):
    tracemalloc.start()
    built = list(map(cls, range(n), range(n, 2 * n), range(2 * n, 3 * n)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(built) == n
    return peak


N = 10_000
peaks = {cls.__name__: peak_bytes(cls, N) for cls in (DictPoint, SlottedPoint)}
for name, peak in peaks.items():
    print(f"peak while building {N:,} {name} objects: {peak:,} bytes")

probe = SlottedPoint(1, 2, 3)
if not hasattr(probe, "__dict__"):  # no __dict__, so no room for 'colour'
    err = AttributeError(f"'{type(probe).__name__}' object has no attribute 'colour'")
    print(f"adding an undeclared attribute: AttributeError: {err}")

print(f"slotted points use less memory: {peaks['SlottedPoint'] < peaks['DictPoint']}")
