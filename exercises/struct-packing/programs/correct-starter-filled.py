# correct: the starter filled in; calcsize figures printed as "format -> N bytes"; a while loop to pack; the round trip checked with all() over a generator; the conclusion with "="; the padding in the explanation from calcsize
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
padding = struct.calcsize("@dHf") - struct.calcsize("=dHf")
print(f"@ aligns each field as a C compiler would ({padding} bytes of padding after H so f starts on a multiple of "
      f"{struct.calcsize('@f')}); = uses standard sizes with no padding at all.")

N = 50_000

def peak_of(build):
    tracemalloc.start()
    result = build(N)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak

dicts, dict_peak = peak_of(as_dicts)
packed, packed_peak = peak_of(as_packed)
print(f"dicts: {dict_peak} bytes; packed: {packed_peak} bytes")

size = struct.calcsize(RECORD)
exact = all(struct.unpack_from(RECORD, packed, i * size) == record(i) for i in range(N))
print("every record unpacks to its original values:", exact)
print("Packed buffer is smaller and round-trips exactly =", packed_peak < dict_peak and exact)
