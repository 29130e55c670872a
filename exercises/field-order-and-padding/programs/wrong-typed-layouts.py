# wrong: calls layout on each class, then prints the three descriptions (size, alignment, padding, offsets) typed in from a CPython 3.11 run
# fails: the program prints each class's size, alignment, padding bytes and field offsets, read from the class
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
    layout(cls)  # called, then the table typed in from a CPython 3.11 run
print("Reading       sizeof 16  alignment 8  padding 2  [id@0, x@8, kind@12, flag@13]")
print("BadReading    sizeof 24  alignment 8  padding 10  [flag@0, id@8, kind@16, x@20]")
print("PackedReading sizeof 14  alignment 1  padding 0  [flag@0, id@1, kind@9, x@10]")

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
print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
