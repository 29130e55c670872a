"""Heapwise reference program for slots-vs-dict (O1, P3).

Compares a class whose instances keep attributes in a dict of their own
with one that declares __slots__, then shows the slotted class refusing an
attribute it does not declare.
"""
import gc
import platform
import struct
import sys
import time
import tracemalloc

REPEATS = 5  # timed rounds; the fastest is the least disturbed by the rest of the machine


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


def fresh_dict_point_class():
    """A new unslotted class each time, so one experiment's extra
    attributes do not change the shared key table of the next."""
    class FreshPoint:
        def __init__(self, x, y, z):
            self.x = x
            self.y = y
            self.z = z
    return FreshPoint


def grown_per_point(act, n=10_000):
    """Bytes per point that act(point) adds to n existing unslotted points."""
    cls = fresh_dict_point_class()
    points = [cls(float(i), 2.0 * i, 3.0 * i) for i in range(n)]
    gc.collect()
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    for point in points:
        act(point)
    after, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (after - before) / n


def blocks_for(cls, n=1_000):
    """Bytes and blocks that n instances take, all sharing one float (so
    only the instances themselves are counted)."""
    made = [None] * n
    value = 1.5
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    for i in range(n):
        made[i] = cls(value, value, value)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = [stat for stat in after.compare_to(before, "lineno") if stat.size_diff > 0]
    return sum(stat.size_diff for stat in grown), sum(stat.count_diff for stat in grown)


def add_w(point):
    point.w = 0.0


def add_w_and_v(point):
    point.w = 0.0
    point.v = 0.0


def peak_bytes(cls, n):
    """Peak bytes traced while building n points of class cls."""
    tracemalloc.start()
    points = [cls(float(i), 2.0 * i, 3.0 * i) for i in range(n)]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del points
    return peak


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

d = DictPoint(1.0, 2.0, 3.0)
s = SlottedPoint(1.0, 2.0, 3.0)
# The course's P3 predictions, answered by this interpreter.
print(f"sys.getsizeof(s) < sys.getsizeof(d): {sys.getsizeof(s) < sys.getsizeof(d)}")
print(f"not hasattr(s, '__dict__'): {not hasattr(s, '__dict__')}")
print(f"DictPoint instance: {sys.getsizeof(d)} bytes, SlottedPoint instance: {sys.getsizeof(s)} bytes (getsizeof)")
print(f"asking for d.__dict__ reports {sys.getsizeof(d.__dict__)} bytes (getsizeof)")

n = 10_000
with_dict = peak_bytes(DictPoint, n)
with_slots = peak_bytes(SlottedPoint, n)
print(f"{n:,} DictPoints, peak: {with_dict:,} bytes")
print(f"{n:,} SlottedPoints, peak: {with_slots:,} bytes")
print(f"difference per point: {(with_dict - with_slots) / n:.1f} bytes")

dict_bytes, dict_blocks = blocks_for(DictPoint)
slot_bytes, slot_blocks = blocks_for(SlottedPoint)
print(f"1,000 DictPoints sharing one float: {dict_bytes:,} bytes traced in {dict_blocks:,} blocks")
print(f"1,000 SlottedPoints sharing one float: {slot_bytes:,} bytes traced in {slot_blocks:,} blocks")

# What asking for __dict__, and adding attributes, cost per instance.
read_vars = grown_per_point(vars)
one_more = grown_per_point(add_w)
two_more = grown_per_point(add_w_and_v)
print(f"vars(p) on each of {n:,} DictPoints: {read_vars:.1f} bytes more per point")
print(f"p.w = 0.0 on each: {one_more:.1f} bytes more per point")
print(f"p.w and p.v on each: {two_more:.1f} bytes more per point")
print(f"giving every DictPoint one more attribute costs memory per point: {one_more >= 1}")

try:
    s.colour = "red"
except AttributeError as error:
    print(f"AttributeError: {error}")

# The list of SlottedPoints peak_bytes builds, then every point read back,
# timed with tracemalloc off: the page sets this figure beside the Rust
# variant that builds as many points with fixed fields and sums them the same way.
micros = best_time_us(
    lambda: sum(int(p.x + p.y + p.z) for p in [SlottedPoint(float(i), 2.0 * i, 3.0 * i) for i in range(n)]))
print(f"timing: variant optimized at n={n}: {micros:.1f} us per call, best of {REPEATS} (tracemalloc off)")
print(f"slotted points use less memory: {with_slots < with_dict}")
