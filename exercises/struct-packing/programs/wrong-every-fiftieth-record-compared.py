# wrong: written from the task and the page's list of checks (round 22): every record unpacked, but only every 50th compared with record(i)
# fails: the program compares every unpacked record with `record(i)` exactly: run again with one record's `x` a 32-bit float cannot hold, it ends with False
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


def peak_of(fn, n):
    tracemalloc.start()
    result = fn(n)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


for fmt in ("!IffB", "@dHfB", "=dHfB"):
    print(f"struct.calcsize({fmt!r}) = {struct.calcsize(fmt)}")
print("@ pads like a C struct (f aligned to 4 after d and H); = packs without padding")

n = 50_000
dicts, dict_peak = peak_of(as_dicts, n)
del dicts
packed, packed_peak = peak_of(as_packed, n)
print(f"dicts peak:  {dict_peak} bytes")
print(f"packed peak: {packed_peak} bytes")

size = struct.calcsize(RECORD)
unpacked = [struct.unpack_from(RECORD, packed, i * size) for i in range(n)]
exact = all(unpacked[i] == record(i) for i in range(0, n, 50))
print(f"round trip exact: {exact}")
print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and exact}")
