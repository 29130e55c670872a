# wrong: BadReading is built with `_pack_ = 4` (id at offset 4, 20 bytes, still larger than Reading), and the attribute deleted afterwards, so the class no longer says it; it is not aligned as the task asks
# fails: `BadReading` declares flag, id, kind, x in that order, aligned, and is larger than `Reading`
import ctypes
import struct
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8


class Reading(ctypes.Structure):
    _fields_ = [("id", c_int64), ("flag", c_bool), ("kind", c_uint8), ("x", c_float)]


class BadReading(ctypes.Structure):
    _pack_ = 4
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


del BadReading._pack_


class PackedReading(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


def layout(cls):
    rows = []
    for field in cls._fields_:
        name = field[0]
        descriptor = getattr(cls, name)
        rows.append((name, descriptor.offset, descriptor.size))
    return rows


for cls in (Reading, BadReading, PackedReading):
    fields = layout(cls)
    padding = ctypes.sizeof(cls) - sum(size for _, _, size in fields)
    print(f"{cls.__name__}: size={ctypes.sizeof(cls)} align={ctypes.alignment(cls)} padding={padding}")
    for name, offset, size in fields:
        print(f"    {name:<5} offset {offset:>2}, {size} byte(s)")

for fmt in ["@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"]:
    print(f"calcsize({fmt!r}) = {struct.calcsize(fmt)}")


def as_array(n):
    records = (Reading * n)()
    names = ("id", "x", "flag", "kind")
    for i in range(n):
        record = records[i]
        for name, value in zip(names, (i, i / 2, i % 2 == 0, i % 256)):
            setattr(record, name, value)
    return records


class PlainReading:
    def __init__(self, id, x, flag, kind):
        self.id, self.x, self.flag, self.kind = id, x, flag, kind


def peak_of(build):
    tracemalloc.start()
    kept = build()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return peak


N = 100_000
array_peak = peak_of(lambda: as_array(N))
list_peak = peak_of(lambda: [PlainReading(i, i / 2, i % 2 == 0, i % 256) for i in range(N)])
print(f"ctypes array of {N:,} Readings: peak {array_peak:,} B")
print(f"list of {N:,} objects:         peak {list_peak:,} B")

sizes = [ctypes.sizeof(c) for c in (Reading, BadReading, PackedReading)]
print("Reading: %d bytes, BadReading: %d bytes, PackedReading: %d bytes" % tuple(sizes))
