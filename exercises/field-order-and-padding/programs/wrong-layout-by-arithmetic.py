# wrong: layout(cls) works the offsets out with its own alignment arithmetic from the field types' sizes instead of reading them from the structure's field descriptors, so the printed offsets and padding are not what ctypes laid out
# fails: `layout(cls)` gives (name, offset, size) of every field in declaration order, read from the structure
import ctypes
import struct
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8


class Reading(ctypes.Structure):
    _fields_ = [("flag", c_bool), ("kind", c_uint8), ("x", c_float), ("id", c_int64)]


class BadReading(ctypes.Structure):
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class PackedReading(ctypes.Structure):
    _pack_ = 1
    _layout_ = "ms"
    _fields_ = BadReading._fields_


class PyReading:
    def __init__(self, id, x, flag, kind):
        self.id = id
        self.x = x
        self.flag = flag
        self.kind = kind


def layout(cls):
    rows = []
    cursor = 0
    pack = getattr(cls, "_pack_", 0)
    for name, ctype in cls._fields_:
        size = ctypes.sizeof(ctype)
        align = min(size, pack) if pack else size
        cursor = -(-cursor // align) * align
        rows.append((name, cursor, size))
        cursor += size
    return rows


def as_array(n):
    records = (Reading * n)()
    for i in range(n):
        slot = records[i]
        slot.id = i
        slot.x = i / 2
        slot.flag = i % 2 == 0
        slot.kind = i % 256
    return records


def as_objects(n):
    return [PyReading(i, i / 2, i % 2 == 0, i % 256) for i in range(n)]


def peak_of(make, n):
    tracemalloc.start()
    try:
        made = make(n)
        peak = tracemalloc.get_traced_memory()[1]
        del made
    finally:
        tracemalloc.stop()
    return peak


for cls in (Reading, BadReading, PackedReading):
    rows = layout(cls)
    padding = ctypes.sizeof(cls) - sum(size for _, _, size in rows)
    offsets = ", ".join(f"{name}@{offset}({size})" for name, offset, size in rows)
    print(f"{cls.__name__:<14} size {ctypes.sizeof(cls):>2}  align {ctypes.alignment(cls)}  "
          f"padding {padding:>2}  fields {offsets}")

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")

N = 100_000
array_peak = peak_of(as_array, N)
objects_peak = peak_of(as_objects, N)
print(f"ctypes array of {N:,} Readings: peak {array_peak:,} bytes "
      f"({array_peak / N:.1f} per record)")
print(f"list of {N:,} PyReading objects: peak {objects_peak:,} bytes "
      f"({objects_peak / N:.1f} per record, {objects_peak / array_peak:.1f}x the array)")

print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
