# wrong: written from the task and the page's list of checks (round 22): the dicts traced in one session right after the packed buffer, still alive, so their peak holds it
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
    for i in range(n):
        struct.pack_into(RECORD, buf, i * size, *record(i))
    return buf


for fmt in ("!IffB", "@dHfB", "=dHfB"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")
print("@ pads like a C struct (f aligned to 4 after d and H); = packs without padding")

n = 50_000
tracemalloc.start()
packed = as_packed(n)
packed_peak = tracemalloc.get_traced_memory()[1]
dicts = as_dicts(n)
dict_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
del dicts
print(f"dicts peak:  {dict_peak} bytes")
print(f"packed peak: {packed_peak} bytes")

size = struct.calcsize(RECORD)
exact = all(struct.unpack_from(RECORD, packed, i * size) == record(i) for i in range(n))
print(f"round trip exact: {exact}")
print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and exact}")
