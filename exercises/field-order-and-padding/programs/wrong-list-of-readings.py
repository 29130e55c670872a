# wrong: the naive approach under the right name: as_array returns a list of Reading objects, one ctypes object per record, not one ctypes array
# fails: `as_array(n)` fills one ctypes array of n Readings in place, keeping no object per record
import ctypes
import struct
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8


class Reading(ctypes.Structure):
    _fields_ = [("id", c_int64), ("x", c_float), ("flag", c_bool), ("kind", c_uint8)]


class BadReading(ctypes.Structure):
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class PackedReading(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


def layout(cls):
    return [(name, getattr(cls, name).offset, getattr(cls, name).size) for name, _ in cls._fields_]


for cls in (Reading, BadReading, PackedReading):
    rows = layout(cls)
    print(f"{cls.__name__}: size {ctypes.sizeof(cls)}, alignment {ctypes.alignment(cls)}, "
          f"padding {ctypes.sizeof(cls) - sum(r[2] for r in rows)}, offsets {[r[1] for r in rows]}")
for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(fmt, struct.calcsize(fmt))


def as_array(n):
    return [Reading(i, i / 2, i % 2 == 0, i % 256) for i in range(n)]


class Obj:
    def __init__(self, i):
        self.id, self.x, self.flag, self.kind = i, i / 2, i % 2 == 0, i % 256


tracemalloc.start()
records = as_array(100_000)
array_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del records
tracemalloc.start()
objects = [Obj(i) for i in range(100_000)]
list_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(f"as_array: {array_peak:,} bytes, objects: {list_peak:,} bytes")
print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
