# wrong: everything measured and described from the classes, but the last line's three sizes are typed in
# fails: the last line gives the three sizes as `ctypes.sizeof` reports them
import ctypes
import struct
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8
from dataclasses import dataclass

BAD_ORDER = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class Reading(ctypes.Structure):
    _fields_ = [("id", c_int64), ("x", c_float), ("kind", c_uint8), ("flag", c_bool)]


class BadReading(ctypes.Structure):
    _fields_ = BAD_ORDER


class PackedReading(ctypes.Structure):
    _pack_ = 1
    _fields_ = BAD_ORDER


def layout(cls):
    return tuple((name, getattr(cls, name).offset, getattr(cls, name).size) for name, *_ in cls._fields_)


for cls in Reading, BadReading, PackedReading:
    offsets = ", ".join(f"{name}@{offset}" for name, offset, _ in layout(cls))
    used = sum(size for *_, size in layout(cls))
    print(f"{cls.__name__:<13} sizeof {ctypes.sizeof(cls):>2}  alignment {ctypes.alignment(cls)}  "
          f"padding {ctypes.sizeof(cls) - used}  [{offsets}]")

print("struct.calcsize:", ", ".join(f"{f} -> {struct.calcsize(f)}" for f in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q")))


def as_array(n):
    out = (Reading * n)()
    i = 0
    while i < n:
        r = out[i]
        r.id = i
        r.x = i / 2
        r.flag = i % 2 == 0
        r.kind = i % 256
        i += 1
    return out


@dataclass
class Row:
    id: int
    x: float
    flag: bool
    kind: int


tracemalloc.start()
tracemalloc.reset_peak()
records = as_array(100_000)
a_peak = tracemalloc.get_traced_memory()[1]
del records
tracemalloc.reset_peak()
base = tracemalloc.get_traced_memory()[0]
rows = [Row(i, i / 2, i % 2 == 0, i % 256) for i in range(100_000)]
l_peak = tracemalloc.get_traced_memory()[1] - base
del rows
tracemalloc.stop()
print(f"100,000 records: ctypes array {a_peak / 1e6:.2f} MB peak, list of dataclass objects {l_peak / 1e6:.2f} MB peak")
print("Reading: 16 bytes, BadReading: 24 bytes, PackedReading: 14 bytes")
