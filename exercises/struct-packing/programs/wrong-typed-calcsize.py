# wrong: struct.calcsize is called for show and its result dropped; the three figures printed are typed in
# fails: the program prints the calcsize of "!IffB", "@dHfB" and "=dHfB"
import struct
import tracemalloc

RECORD = "!IffB"
N = 50_000

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

struct.calcsize(RECORD); struct.calcsize("@dHfB"); struct.calcsize("=dHfB")
print("calcsize !IffB:", 13)
print("calcsize @dHfB:", 17)
print("calcsize =dHfB:", 15)
print("@ aligns each field to its natural boundary (padding), = packs with no padding")

def as_dicts(n):
    out = []
    for i in range(n):
        rid, x, y, fl = record(i)
        out.append({"id": rid, "x": x, "y": y, "flags": fl})
    return out

def as_packed(n):
    width = struct.calcsize(RECORD)
    buf = bytearray(width * n)
    for i in range(n):
        struct.pack_into(RECORD, buf, i * width, *record(i))
    return buf

tracemalloc.start()
dicts = as_dicts(N)
_, dict_peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
del dicts
print(f"dict records peak: {dict_peak} bytes")

tracemalloc.start()
buf = as_packed(N)
_, packed_peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(f"packed records peak: {packed_peak} bytes")

width = struct.calcsize(RECORD)
same = True
for i in range(N):
    got = struct.unpack_from(RECORD, buf, i * width)
    if got != record(i):
        same = False
        break
print("round trip exact:", same)
print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and same}")
