# wrong: the "ordinary objects" compared with the array have only id, x and flag; the plain record class drops kind, so the list is not of records with the same fields
# fails: the list of ordinary objects is made of the program's record class, with the four fields: run again, 100,000 of them are made, each holding four values
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
    _layout_ = "ms"
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class SensorRecord:
    """The same reading as a plain Python object (kind is implied by id)."""

    def __init__(self, id, x, flag):
        self.id = id
        self.x = x
        self.flag = flag


def layout(cls):
    out = []
    for name, _ctype in cls._fields_:
        descr = getattr(cls, name)
        out.append((name, descr.offset, descr.size))
    return out


def as_array(n):
    block = (Reading * n)()
    for i in range(n):
        r = block[i]
        r.id = i
        r.x = i / 2
        r.flag = i % 2 == 0
        r.kind = i % 256
    return block


def traced(fn):
    tracemalloc.start()
    tracemalloc.reset_peak()
    floor = tracemalloc.get_traced_memory()[0]
    value = fn()
    peak = tracemalloc.get_traced_memory()[1] - floor
    tracemalloc.stop()
    return value, peak


for cls in (Reading, BadReading, PackedReading):
    lay = layout(cls)
    size = ctypes.sizeof(cls)
    pad = size - sum(s for _, _, s in lay)
    print(f"{cls.__name__:>13}: size {size}, alignment {ctypes.alignment(cls)}, "
          f"padding {pad}, offsets " + ", ".join(f"{n}@{o}" for n, o, _ in lay))

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")

N = 100_000
block, block_peak = traced(lambda: as_array(N))
del block
objs, objs_peak = traced(lambda: [SensorRecord(i, i / 2, i % 2 == 0) for i in range(N)])
del objs
print(f"peak of as_array({N:,}): {block_peak:,} bytes")
print(f"peak of a list of {N:,} SensorRecord objects: {objs_peak:,} bytes")
print(f"the list needs {objs_peak / block_peak:.1f}x the array's memory")
print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
