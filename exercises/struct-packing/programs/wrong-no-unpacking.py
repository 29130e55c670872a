# wrong: half the task: step 4 skipped, nothing is unpacked and the round trip is assumed
# fails: the program unpacks every record with `struct.unpack_from`
# fails: the program says whether the packed buffer is smaller and round-trips exactly, as found
import struct
import tracemalloc

RECORD = "!IffB"

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]

def as_packed(n):
    size = struct.calcsize(RECORD)
    buffer = bytearray(n * size)
    for i in range(n):
        struct.pack_into(RECORD, buffer, i * size, *record(i))
    return buffer

def traced_peak(build, n):
    tracemalloc.start()
    result = build(n)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, result

for fmt in ("!IffB", "@dHfB", "=dHfB"):
    print(f"calcsize({fmt!r}) = {struct.calcsize(fmt)}")
print("native @ pads the f to a 4-byte boundary; = packs with no padding")

n = 50_000
dict_peak, dicts = traced_peak(as_dicts, n)
packed_peak, buffer = traced_peak(as_packed, n)
print(f"dicts: {dict_peak:,} bytes peak")
print(f"packed: {packed_peak:,} bytes peak")

size = struct.calcsize(RECORD)
round_trip = True
print(f"round trip exact: {round_trip}")
print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and round_trip}")
