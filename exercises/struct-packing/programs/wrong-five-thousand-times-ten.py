# wrong: both layouts are measured at 5,000 records and the peaks multiplied by 10
# fails: the program measures both layouts with tracemalloc and prints their peaks
import struct
import tracemalloc

FMT = "!IffB"

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]

def as_packed(n):
    packer = struct.Struct(FMT)
    buf = bytearray(packer.size * n)
    for i in range(n):
        packer.pack_into(buf, i * packer.size, *record(i))
    return buf

print("calcsize('!IffB') =", struct.calcsize(FMT))
native, standard = struct.calcsize("@dHfB"), struct.calcsize("=dHfB")
print("calcsize('@dHfB') =", native)
print("calcsize('=dHfB') =", standard)
print("native '@' aligns the float after the 2-byte H to 4 bytes and pads; '=' packs with no padding")

def peak(fn, n):
    tracemalloc.start()
    kept = fn(n)
    _, p = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return kept, p

N = 50_000
dicts, dict_peak = peak(as_dicts, N // 10)
buf, buf_peak = peak(as_packed, N // 10)
dict_peak, buf_peak = dict_peak * 10, buf_peak * 10
buf = as_packed(N)
print(f"dicts peak: {dict_peak} B")
print(f"packed peak: {buf_peak} B")

size = struct.calcsize(FMT)
exact = True
for i in range(N):
    if struct.unpack_from(FMT, buf, i * size) != record(i):
        exact = False
        break
print("round trip exact:", exact)
print("packed buffer is smaller and round-trips exactly:", buf_peak < dict_peak and exact)
