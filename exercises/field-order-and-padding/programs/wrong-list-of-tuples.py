# wrong: PlainReading is defined but never instantiated for the measurement; the 'list of 100,000 PlainReading' traced is a list of tuples
# fails: the list of ordinary objects is made of the program's record class, with the four fields: run again, 100,000 of them are made, each holding four values
import ctypes
import struct
import time
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8

N = 100_000


class Reading(ctypes.Structure):
    _fields_ = [("id", c_int64), ("x", c_float), ("flag", c_bool), ("kind", c_uint8)]


class BadReading(ctypes.Structure):
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class PackedReading(ctypes.Structure):
    _pack_ = 1
    _layout_ = "ms"
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


def layout(cls):
    out = []
    for field in cls._fields_:
        name = field[0]
        descr = getattr(cls, name)
        out.append((name, descr.offset, descr.size))
    return out


def as_array(n):
    records = (Reading * n)()
    for i in range(n):
        rec = records[i]          # a view into the block, dropped each turn
        rec.id = i
        rec.x = i / 2
        rec.flag = i % 2 == 0
        rec.kind = i % 256
    return records


class PlainReading:
    def __init__(self, id, x, flag, kind):
        self.id = id
        self.x = x
        self.flag = flag
        self.kind = kind


def plain_list(n):
    return [(i, i / 2, i % 2 == 0, i % 256) for i in range(n)]


for cls in (Reading, BadReading, PackedReading):
    fields = layout(cls)
    size = ctypes.sizeof(cls)
    padding = size - sum(sz for _, _, sz in fields)
    offsets = ", ".join(f"{name}@{off}({sz})" for name, off, sz in fields)
    print(f"{cls.__name__}: size {size}, alignment {ctypes.alignment(cls)}, "
          f"padding {padding} B, fields {offsets}")

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")


def traced_peak(build, n):
    tracemalloc.start()
    tracemalloc.reset_peak()
    obj = build(n)
    peak = tracemalloc.get_traced_memory()[1]
    del obj
    tracemalloc.stop()
    return peak


array_peak = traced_peak(as_array, N)
list_peak = traced_peak(plain_list, N)
print(f"as_array({N:,}) peak: {array_peak:,} B ({array_peak / N:.1f} B per record)")
print(f"list of {N:,} PlainReading peak: {list_peak:,} B ({list_peak / N:.1f} B per record)")
print(f"the list needs {list_peak / array_peak:.1f}x the array's memory")

t0 = time.perf_counter()
as_array(N)
elapsed = time.perf_counter() - t0
print(f"as_array({N:,}) took {elapsed * 1000:.1f} ms")

print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
