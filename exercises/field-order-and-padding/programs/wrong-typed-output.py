# wrong: the three records, layout and as_array are right, but nothing is traced: the descriptions and the peaks are typed in from the course's recorded output
# fails: the program traces and prints the peaks of `as_array(100_000)` and of a list of 100,000 objects
import ctypes
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


def as_array(n):
    records = (Reading * n)()
    for i in range(n):
        record = records[i]
        record.id, record.x, record.flag, record.kind = i, i / 2, i % 2 == 0, i % 256
    return records


print("Reading: 16 bytes, align 8, 2 bytes of padding: id@0, x@8, flag@12, kind@13")
print("BadReading: 24 bytes, align 8, 10 bytes of padding: flag@0, id@8, kind@16, x@20")
print("PackedReading: 14 bytes, align 1, 0 bytes of padding: flag@0, id@1, kind@9, x@10")
print("struct.calcsize('@qf?B') = 14 bytes")
print("struct.calcsize('=qf?B') = 14 bytes")
print("struct.calcsize('@?qBf') = 24 bytes")
print("struct.calcsize('=?qBf') = 14 bytes")
print("struct.calcsize('@qf?B0q') = 16 bytes")
print("100,000 Readings in a ctypes array: peak 1,603,456 bytes (16.0 per record)")
print("100,000 ReadingObjects in a list: peak 16,795,568 bytes (168.0 per record)")
print("Reading: 16 bytes, BadReading: 24 bytes, PackedReading: 14 bytes")
