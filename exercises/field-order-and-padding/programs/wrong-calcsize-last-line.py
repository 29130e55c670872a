# wrong: round 13: the last line's PackedReading size is struct.calcsize('=?qBf'), not ctypes.sizeof (the same 14 here)
# fails: the last line gives the three sizes as `ctypes.sizeof` reports them
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


class ObjReading:
    def __init__(self, id, x, flag, kind):
        self.id = id
        self.x = x
        self.flag = flag
        self.kind = kind


def as_array(n):
    records = (Reading * n)()
    for i in range(n):
        r = records[i]
        r.id = i
        r.x = i / 2
        r.flag = i % 2 == 0
        r.kind = i % 256
    return records


def as_objects(n):
    return [ObjReading(i, i / 2, i % 2 == 0, i % 256) for i in range(n)]


def traced_peak(build, n):
    tracemalloc.start()
    result = build(n)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del result
    return peak


for cls in (Reading, BadReading, PackedReading):
    fields = layout(cls)
    padding = ctypes.sizeof(cls) - sum(size for _, _, size in fields)
    print(f"{cls.__name__}: size {ctypes.sizeof(cls)}, alignment {ctypes.alignment(cls)}, padding {padding}")
    for name, offset, size in fields:
        print(f"    {name:5} offset {offset:2} size {size}")

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")

array_peak = traced_peak(as_array, 100_000)
objects_peak = traced_peak(as_objects, 100_000)
print(f"peak of a ctypes array of 100,000 Readings: {array_peak} bytes")
print(f"peak of a list of 100,000 objects: {objects_peak} bytes")
print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {struct.calcsize('=?qBf')} bytes")
