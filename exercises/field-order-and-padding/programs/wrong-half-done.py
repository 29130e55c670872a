# wrong: half the task: the three records and layout with their descriptions and the last line, but no calcsize lines, no as_array, no peaks
# fails: the program prints `struct.calcsize` of the five formats
# fails: `as_array(n)` fills one ctypes array of n Readings in place, keeping no object per record
# fails: the program traces and prints the peaks of `as_array(100_000)` and of a list of 100,000 objects
# fails: a figure per record or a ratio printed beside the peaks is worked out from them: run again with other peaks, it moves
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


for cls in (Reading, BadReading, PackedReading):
    rows = layout(cls)
    print(f"{cls.__name__}: size {ctypes.sizeof(cls)}, alignment {ctypes.alignment(cls)}, "
          f"padding {ctypes.sizeof(cls) - sum(r[2] for r in rows)}, offsets {[r[1] for r in rows]}")
print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
