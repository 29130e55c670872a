# wrong: the 100,000 ids and x floats the records hold are created before tracing starts, so the list's traced peak leaves out the records' own values (about a third of its cost) and the list-vs-array comparison is made on less than the task's list of records
# fails: the list of ordinary objects is made of the program's record class, with the four fields: run again, 100,000 of them are made, each holding four values
import ctypes
import struct
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8


class Reading(ctypes.Structure):
    # widest first: 8-byte id, 4-byte x, then the two single bytes; padding only at the tail
    _fields_ = [("id", c_int64), ("x", c_float), ("kind", c_uint8), ("flag", c_bool)]


class BadReading(ctypes.Structure):
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class PackedReading(ctypes.Structure):
    _pack_ = 1
    _layout_ = "ms"
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


def layout(cls):
    rows = []
    for entry in cls._fields_:
        name = entry[0]
        field = getattr(cls, name)
        rows.append((name, field.offset, field.size))
    return rows


def describe(cls):
    rows = layout(cls)
    size = ctypes.sizeof(cls)
    padding = size - sum(field_size for _, _, field_size in rows)
    where = ", ".join(f"{name}@{offset}({field_size})" for name, offset, field_size in rows)
    print(f"{cls.__name__:>13}: size {size}, alignment {ctypes.alignment(cls)}, padding {padding} -> {where}")


for cls in (Reading, BadReading, PackedReading):
    describe(cls)

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")


def as_array(n):
    records = (Reading * n)()
    for i in range(n):
        slot = records[i]          # a view into the block, dropped on the next turn
        slot.id = i
        slot.x = i / 2
        slot.flag = i % 2 == 0
        slot.kind = i % 256
    return records


class PyReading:
    def __init__(self, id, x, flag, kind):
        self.id = id
        self.x = x
        self.flag = flag
        self.kind = kind


def peak_of(work):
    tracemalloc.start()
    try:
        result = work()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


N = 100_000
block, block_peak = peak_of(lambda: as_array(N))
assert (block[7].id, block[7].x, block[7].flag, block[7].kind) == (7, 3.5, False, 7)
del block
ids = list(range(N))
halves = [i / 2 for i in ids]
objects, objects_peak = peak_of(lambda: [PyReading(ids[i], halves[i], i % 2 == 0, i % 256) for i in range(N)])
del ids, halves
del objects
print(f"as_array({N:,}) peak: {block_peak:,} bytes ({block_peak / N:.1f} per record)")
print(f"list of {N:,} PyReading objects peak: {objects_peak:,} bytes ({objects_peak / N:.1f} per record)")
print(f"the list needs {objects_peak / block_peak:.1f}x the memory of the array")

print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
