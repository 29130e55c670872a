# wrong: the records are unpacked and compared, but the last line prints True typed in, whatever the comparison found
# fails: the program says whether the packed buffer is smaller and round-trips exactly, as found
import struct
import tracemalloc

RECORD = "!IffB"
N = 50_000

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

print("calcsize !IffB:", struct.calcsize(RECORD))
print("calcsize @dHfB:", struct.calcsize("@dHfB"))
print("calcsize =dHfB:", struct.calcsize("=dHfB"))
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
print(f"packed buffer is smaller and round-trips exactly: True")
