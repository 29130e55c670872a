# wrong: the packing function is called build_packed, not as_packed(n) as the task names it (otherwise correct)
# fails: `as_packed(n)` returns one bytearray of n records
# fails: every packed record unpacks to exactly `record(i)`
# fails: `as_packed` allocates the buffer once, up front, and writes the records into it in place
# fails: the program unpacks every record with `struct.unpack_from`
# fails: the program measures both layouts with tracemalloc and prints their peaks
# fails: the program says whether the packed buffer is smaller and round-trips exactly, as found
# fails: both peaks printed are what the program's own tracemalloc returned for its builds: run again with them changed, they move
# fails: any figure the program prints from the two peaks (per record, their ratio) follows its measurements: run again with them changed, it moves
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


def build_dicts(n):
    rows = []
    for i in range(n):
        rows.append(dict(zip(FIELDS, record(i))))
    return rows


def build_packed(n):
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


dicts, dict_peak = traced(build_dicts, COUNT)
del dicts
packed, packed_peak = traced(build_packed, COUNT)
print(f"{COUNT:,} records as dicts: peak {dict_peak:,} bytes")
print(f"{COUNT:,} records packed in one bytearray: peak {packed_peak:,} bytes")

step = struct.calcsize(RECORD)
exact = True
for i in range(COUNT):
    if struct.unpack_from(RECORD, packed, i * step) != record(i):
        exact = False
        break
print(f"every unpacked record equals the original: {exact}")
print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and exact}")
