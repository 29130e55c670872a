# wrong: both builds run in one tracing session with no stop or reset_peak and the array still alive, so the objects' printed peak also includes the ctypes array
# fails: the list's peak is traced on its own: run again with arrays holding 8 MB more while they live, it stays
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
    return [(fname, getattr(cls, fname).offset, getattr(cls, fname).size) for fname, _ in cls._fields_]


def as_array(n):
    block = (Reading * n)()
    for i, slot in enumerate(block):
        slot.id, slot.x, slot.flag, slot.kind = i, i / 2, i % 2 == 0, i % 256
    return block


@dataclass
class SensorRecord:
    id: int
    x: float
    flag: bool
    kind: int


def peak_of(fn, *args):
    tracemalloc.start()
    try:
        kept = fn(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, kept


for cls in (Reading, BadReading, PackedReading):
    fields = layout(cls)
    total = ctypes.sizeof(cls)
    pad = total - sum(f[2] for f in fields)
    offsets = "; ".join("%s at %d (%d bytes)" % f for f in fields)
    print(f"{cls.__name__} takes {total} bytes with alignment {ctypes.alignment(cls)} "
          f"and {pad} bytes of padding: {offsets}.")

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) is {struct.calcsize(fmt)}.")

count = 100_000
tracemalloc.start()
arr = as_array(count)
ctypes_peak = tracemalloc.get_traced_memory()[1]
print(f"Filling a ctypes array of {len(arr):,} Readings peaked at {ctypes_peak:,} bytes "
      f"(ctypes.sizeof of the array is {ctypes.sizeof(arr):,}).")
objs = [SensorRecord(i, i / 2, i % 2 == 0, i % 256) for i in range(count)]
objects_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(f"A list of {len(objs):,} SensorRecord dataclass objects peaked at {objects_peak:,} bytes.")
del arr, objs

print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
