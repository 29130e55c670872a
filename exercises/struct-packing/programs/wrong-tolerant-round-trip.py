# wrong: step 4 compares the unpacked values with math.isclose(rel_tol=1e-6), not exactly, so a lossy round trip would still say True
# fails: the program compares every unpacked record with `record(i)` exactly: run again with one record's `x` a 32-bit float cannot hold, it ends with False
import math
import struct
import tracemalloc

RECORD = "!IffB"
COUNT = 50_000
FIELDS = ("id", "x", "y", "flags")


def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256


print(f"calcsize('{RECORD}') = {struct.calcsize(RECORD)} bytes")
native = struct.calcsize("@dHfB")
standard = struct.calcsize("=dHfB")
print(f"calcsize('@dHfB') = {native} bytes")
print(f"calcsize('=dHfB') = {standard} bytes")
print("'@' uses native sizes and alignment, so the f after d,H is padded to a multiple of 4 "
      "(and the whole struct to 8); '=' uses standard sizes with no padding at all")


def as_dicts(n):
    rows = []
    for i in range(n):
        rows.append(dict(zip(FIELDS, record(i))))
    return rows


def as_packed(n):
    width = struct.calcsize(RECORD)
    buf = bytearray(width * n)
    for i in range(n):
        struct.pack_into(RECORD, buf, i * width, *record(i))
    return buf


def traced(fn, n):
    tracemalloc.start()
    kept = fn(n)
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return kept, top


dicts, dict_peak = traced(as_dicts, COUNT)
del dicts
packed, packed_peak = traced(as_packed, COUNT)
print(f"{COUNT:,} records as dicts: peak {dict_peak:,} bytes")
print(f"{COUNT:,} records packed in one bytearray: peak {packed_peak:,} bytes")

step = struct.calcsize(RECORD)
exact = True
for i in range(COUNT):
    got = struct.unpack_from(RECORD, packed, i * step)
    if not all(math.isclose(u, v, rel_tol=1e-6) for u, v in zip(got, record(i))):
        exact = False
        break
print(f"every unpacked record equals the original: {exact}")
print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and exact}")
