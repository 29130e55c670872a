# wrong: layout() does not read the offsets from the structure; it works them out with its own alignment rule (round up to each type's alignment, capped by _pack_), so the printed offsets and padding are computed, not what ctypes laid out
# fails: `layout(cls)` gives (name, offset, size) of every field in declaration order, read from the structure
import ctypes
import struct
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8
from dataclasses import dataclass


class Reading(ctypes.Structure):
    _fields_ = [("id", c_int64), ("x", c_float), ("flag", c_bool), ("kind", c_uint8)]


class BadReading(ctypes.Structure):
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class PackedReading(ctypes.Structure):
    _pack_ = 1
    _layout_ = "ms"
    _fields_ = BadReading._fields_


@dataclass
class PyReading:
    id: int
    x: float
    flag: bool
    kind: int


def layout(cls):
    pack = getattr(cls, "_pack_", 0)
    offset, rows = 0, []
    for name, ftype in cls._fields_:
        size = getattr(cls, name).size
        align = min(ctypes.alignment(ftype), pack) if pack else ctypes.alignment(ftype)
        offset = -(-offset // align) * align
        rows.append((name, offset, size))
        offset += size
    return rows


def as_array(n):
    records = (Reading * n)()
    for i in range(n):
        rec = records[i]
        rec.id = i
        rec.x = i / 2
        rec.flag = i % 2 == 0
        rec.kind = i % 256
    return records


def peak_of(build, n):
    tracemalloc.start()
    built = build(n)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del built
    return peak


print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes")
for cls in (Reading, BadReading, PackedReading):
    fields = layout(cls)
    padding = ctypes.sizeof(cls) - sum(size for _, _, size in fields)
    offsets = ", ".join(f"{name}@{off}" for name, off, _ in fields)
    print(f"{cls.__name__}: size {ctypes.sizeof(cls)} bytes, alignment {ctypes.alignment(cls)}, "
          f"padding {padding} bytes, offsets {offsets}")

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")

N = 100_000
array_peak = peak_of(as_array, N)
list_peak = peak_of(lambda n: [PyReading(i, i / 2, i % 2 == 0, i % 256) for i in range(n)], N)
print(f"peak of as_array({N:,}): {array_peak:,} bytes")
print(f"peak of a list of {N:,} PyReading objects: {list_peak:,} bytes")

print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
