# wrong: the timing line times an empty loop: step() is never called inside the timed rounds
# fails: a timing line, when the program prints one, timed `as_array` really running
"""Heapwise reference program for field-order-and-padding (L-288 §4).

One record (an int64 id, a float32 x, a bool flag, a uint8 kind) laid out
three ways with ctypes, which follows the C compiler's rules: largest
alignment first, smallest first, and packed. Then struct.calcsize with and
without native alignment, and an array of records against objects.
"""
import ctypes
import platform
import struct
import sys
import time
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8


class Reading(ctypes.Structure):
    """Largest alignment first: only the tail is padding."""
    _fields_ = [("id", c_int64), ("x", c_float), ("flag", c_bool), ("kind", c_uint8)]


class BadReading(ctypes.Structure):
    """The same fields, declared so that each wide one needs padding before it."""
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class PackedReading(ctypes.Structure):
    """BadReading's order with no padding at all: some fields are unaligned."""
    _pack_ = 1
    _layout_ = "ms"  # Python 3.14 wants the layout named when _pack_ is set; older versions ignore it
    _fields_ = BadReading._fields_


class ReadingObject:
    """The same record as an ordinary Python object, for comparison."""

    def __init__(self, id, x, flag, kind):
        self.id = id
        self.x = x
        self.flag = flag
        self.kind = kind


def layout(cls):
    """(name, offset, size) of every field of a ctypes structure, in declaration order."""
    return [(name, getattr(cls, name).offset, getattr(cls, name).size) for name, _ in cls._fields_]


def describe(cls):
    fields = layout(cls)
    padding = ctypes.sizeof(cls) - sum(size for _, _, size in fields)
    where = ", ".join(f"{name}@{offset}" for name, offset, _ in sorted(fields, key=lambda f: f[1]))
    return (f"{cls.__name__}: {ctypes.sizeof(cls)} bytes, align {ctypes.alignment(cls)}, "
            f"{padding} bytes of padding: {where}")


def values(i):
    return i, i / 2, i % 2 == 0, i % 256


def as_array(n):
    """n Readings in one ctypes array: one block of n * sizeof(Reading) bytes."""
    records = (Reading * n)()
    for i in range(n):
        record = records[i]
        record.id, record.x, record.flag, record.kind = values(i)
    return records


def traced_peak(build):
    tracemalloc.start()
    kept = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return peak


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        pass

        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

print("field sizes in bytes: " + ", ".join(f"{name} {size}" for name, _, size in layout(Reading)))
for cls in (Reading, BadReading, PackedReading):
    print(describe(cls))

PREDICTIONS = [
    "ctypes.sizeof(Reading) == 8 + 4 + 1 + 1",
    "ctypes.sizeof(BadReading) > ctypes.sizeof(Reading)",
    "struct.calcsize('@qf?B') == ctypes.sizeof(Reading)",
    "ctypes.sizeof(PackedReading) < ctypes.sizeof(Reading)",
]
for statement in PREDICTIONS:
    print(f"{statement}: {eval(statement)}")

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)} bytes")

million = ctypes.sizeof(Reading * 1_000_000)
print(f"1,000,000 Readings in one ctypes array: {million:,} bytes (from sizeof, nothing allocated)")

n = 100_000
packed_peak = traced_peak(lambda: as_array(n))
object_peak = traced_peak(lambda: [ReadingObject(*values(i)) for i in range(n)])
dict_peak = traced_peak(lambda: [dict(zip(("id", "x", "flag", "kind"), values(i))) for i in range(n)])
print(f"{n:,} Readings in a ctypes array: peak {packed_peak:,} bytes ({packed_peak / n:.1f} per record)")
print(f"{n:,} ReadingObjects in a list: peak {object_peak:,} bytes ({object_peak / n:.1f} per record)")
print(f"{n:,} dicts in a list: peak {dict_peak:,} bytes ({dict_peak / n:.1f} per record)")
print(f"the objects take {object_peak / packed_peak:.1f} times the memory of the array, the dicts {dict_peak / packed_peak:.1f} times")

# as_array untraced, on 20,000 records to keep five runs short, then every
# record read back (id + 2x + flag + kind): the page sets this time beside the
# Rust array of repr(C) records in the same field order, summed the same way.
us = best_time_us(lambda: sum(r.id + int(r.x * 2) + r.flag + r.kind for r in as_array(20_000)))
print(f"timing: variant repr-c-sorted at n=20000: {us:.1f} us per call, best of 5 (tracemalloc off)")

sizes = [ctypes.sizeof(cls) for cls in (Reading, BadReading, PackedReading)]
print("Reading: {} bytes, BadReading: {} bytes, PackedReading: {} bytes".format(*sizes))
