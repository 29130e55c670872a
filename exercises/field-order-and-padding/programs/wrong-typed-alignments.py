# wrong: the alignments are typed, not read with ctypes.alignment
# fails: the program prints each class's size, alignment, padding bytes and field offsets, read from the class
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
    rows = []
    for name, ctype in cls._fields_:
        descriptor = getattr(cls, name)
        rows.append((name, descriptor.offset, descriptor.size))
    return rows


ALIGN = {"Reading": 8, "BadReading": 8, "PackedReading": 1}
for cls in (Reading, BadReading, PackedReading):
    fields = layout(cls)
    padding = ctypes.sizeof(cls) - sum(size for _, _, size in fields)
    offsets = ", ".join(f"{name}@{off}" for name, off, _ in fields)
    print(f"{cls.__name__}: {ctypes.sizeof(cls)} B, align {ALIGN[cls.__name__]}, padding {padding} B, {offsets}")

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")


def as_array(n):
    records = (Reading * n)()
    for i in range(n):
        slot = records[i]
        slot.id = i
        slot.x = i / 2
        slot.flag = i % 2 == 0
        slot.kind = i % 256
    return records


class PyReading:
    def __init__(self, id, x, flag, kind):
        self.id, self.x, self.flag, self.kind = id, x, flag, kind


def peak(fn):
    tracemalloc.start()
    kept = fn()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top


array_peak = peak(lambda: as_array(100_000))
objects_peak = peak(lambda: [PyReading(i, i / 2, i % 2 == 0, i % 256) for i in range(100_000)])
print(f"ctypes array of 100,000 Readings: peak {array_peak:,} B")
print(f"list of 100,000 objects: peak {objects_peak:,} B")
print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
