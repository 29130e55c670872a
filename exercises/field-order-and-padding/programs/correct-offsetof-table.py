# correct: written from the task alone, another way: the fields' types kept in a dict, the three classes made with type(), layout a generator turned into a list, descriptions on several lines per class, as_array setting fields with setattr, a list of SimpleNamespace objects for the comparison, peaks in KiB, each traced in its own session
import ctypes
import struct
import tracemalloc
from types import SimpleNamespace

KINDS = {"id": ctypes.c_longlong, "x": ctypes.c_float, "flag": ctypes.c_bool, "kind": ctypes.c_ubyte}


def fields(*names):
    return [(name, KINDS[name]) for name in names]


Reading = type("Reading", (ctypes.Structure,), {"_fields_": fields("id", "x", "flag", "kind")})
BadReading = type("BadReading", (ctypes.Structure,), {"_fields_": fields("flag", "id", "kind", "x")})
PackedReading = type("PackedReading", (ctypes.Structure,),
                     {"_pack_": 1, "_fields_": fields("flag", "id", "kind", "x")})


def layout(cls):
    return list((name, getattr(cls, name).offset, getattr(cls, name).size) for name, _ in cls._fields_)


for record in (Reading, BadReading, PackedReading):
    rows = layout(record)
    total = ctypes.sizeof(record)
    print(f"== {record.__name__} ==")
    print(f"   bytes: {total}, aligned to {ctypes.alignment(record)}, "
          f"padding: {total - sum(r[2] for r in rows)}")
    for name, offset, size in rows:
        print(f"   {name:>4}: offset {offset}, {size} byte(s)")

for fmt in ["@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"]:
    print(f"calcsize({fmt!r}) = {struct.calcsize(fmt)}")


def as_array(n):
    table = (Reading * n)()
    for i in range(n):
        slot = table[i]
        for name, value in zip(("id", "x", "flag", "kind"), (i, i / 2, i % 2 == 0, i % 256)):
            setattr(slot, name, value)
    return table


def traced(build):
    tracemalloc.start()
    kept = build()
    high = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return high


array_high = traced(lambda: as_array(100_000))
objects_high = traced(lambda: [SimpleNamespace(id=i, x=i / 2, flag=i % 2 == 0, kind=i % 256)
                               for i in range(100_000)])
print(f"peak building the ctypes array: {array_high / 1024:,.1f} KiB")
print(f"peak building the list of objects: {objects_high / 1024:,.1f} KiB")
print(f"Reading: {ctypes.sizeof(Reading)} bytes, BadReading: {ctypes.sizeof(BadReading)} bytes, "
      f"PackedReading: {ctypes.sizeof(PackedReading)} bytes")
