# wrong: measures 5,000 records of each layout and prints ten times those peaks as the peaks of 50,000
# fails: the program measures both layouts with tracemalloc and prints their peaks
import struct
import tracemalloc

RECORD = "!IffB"

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]

def as_packed(n):
    size = struct.calcsize(RECORD)
    buf = bytearray(n * size)
    i = 0
    while i < n:
        struct.pack_into(RECORD, buf, i * size, *record(i))
        i += 1
    return buf

for fmt in (RECORD, "@dHfB", "=dHfB"):
    print(f"{fmt} -> {struct.calcsize(fmt)} bytes")
print("@ aligns each field as a C compiler would (2 bytes of padding after H so f starts on a multiple of 4);"
      " = uses standard sizes with no padding at all.")

N = 50_000

def peak_of(build):
    tracemalloc.start()
    result = build(N // 10)
    peak = tracemalloc.get_traced_memory()[1] * 10
    tracemalloc.stop()
    return result, peak

dicts, dict_peak = peak_of(as_dicts)
_, packed_peak = peak_of(as_packed)
packed = as_packed(N)
print(f"dicts: {dict_peak} bytes; packed: {packed_peak} bytes")

size = struct.calcsize(RECORD)
exact = all(struct.unpack_from(RECORD, packed, i * size) == record(i) for i in range(N))
print("every record unpacks to its original values:", exact)
print("Packed buffer is smaller and round-trips exactly =", packed_peak < dict_peak and exact)
