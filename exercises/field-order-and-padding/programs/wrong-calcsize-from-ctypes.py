# wrong: never calls struct.calcsize on the five formats; it mirrors each format as a throwaway ctypes record and works the size out from the last field's end (plus hand-rounding for 0q)
# fails: the program prints `struct.calcsize` of the five formats
import ctypes
import struct
import tracemalloc
from ctypes import c_bool, c_float, c_int64, c_uint8


class Reading(ctypes.Structure):
    _fields_ = [("id", c_int64), ("x", c_float), ("flag", c_bool), ("kind", c_uint8)]


class BadReading(ctypes.Structure):
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]


class PackedReading(ctypes.Structure):
    _fields_ = [("flag", c_bool), ("id", c_int64), ("kind", c_uint8), ("x", c_float)]
    _pack_ = 1
    _layout_ = "ms"


class Row:
    def __init__(self, id, x, flag, kind):
        self.id, self.x, self.flag, self.kind = id, x, flag, kind


CODES = {"q": c_int64, "f": c_float, "?": c_bool, "B": c_uint8}


def format_size(fmt):
    # '@' lays items out like an aligned C struct, '=' like a packed one;
    # unlike a C struct there is no tail padding unless a 0-count item asks for it
    mode, body = fmt[0], fmt[1:]
    tail = 0
    if "0" in body:
        body, tail_code = body.split("0")
        tail = ctypes.alignment(CODES[tail_code])
    spec = {"_fields_": [(f"f{i}", CODES[c]) for i, c in enumerate(body)]}
    if mode == "=":
        spec["_pack_"], spec["_layout_"] = 1, "ms"
    mirror = type("Mirror", (ctypes.Structure,), spec)
    end = max(getattr(mirror, name).offset + getattr(mirror, name).size
              for name, _ in spec["_fields_"])
    return -(-end // tail) * tail if tail else end


def layout(cls):
    return [(name, getattr(cls, name).offset, getattr(cls, name).size)
            for name, _ in cls._fields_]


def as_array(n):
    arr = (Reading * n)()
    for i in range(n):
        slot = arr[i]
        slot.id, slot.x, slot.flag, slot.kind = i, i / 2, i % 2 == 0, i % 256
    return arr


def peak_of(build):
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    kept = build()
    top = tracemalloc.get_traced_memory()[1] - start
    tracemalloc.stop()
    return kept, top


for cls in (Reading, BadReading, PackedReading):
    fields = layout(cls)
    total = ctypes.sizeof(cls)
    print(f"{cls.__name__}: size {total}, alignment {ctypes.alignment(cls)}, "
          f"padding {total - sum(f[2] for f in fields)}, offsets "
          + " ".join(f"{f[0]}={f[1]}" for f in fields))

for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
    print(f"struct.calcsize({fmt!r}) -> {format_size(fmt)}")

COUNT = 100_000
arr, arr_peak = peak_of(lambda: as_array(COUNT))
del arr
rows, rows_peak = peak_of(lambda: [Row(i, i / 2, i % 2 == 0, i % 256) for i in range(COUNT)])
del rows
print(f"as_array({COUNT:,}) peak: {arr_peak:,} bytes")
print(f"list of {COUNT:,} Row objects peak: {rows_peak:,} bytes")
print(f"per record: {arr_peak / COUNT:.1f} vs {rows_peak / COUNT:.1f} bytes")
print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
