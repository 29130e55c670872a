# correct: a compiled struct.Struct object used for packing and unpacking (its pack_into/unpack_from methods), the measurements in a with-less helper that restarts tracing, the calcsize figures unlabelled on one line
import struct
import tracemalloc

RECORD = "!IffB"
LAYOUT = struct.Struct(RECORD)

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]

def as_packed(n):
    out = bytearray(LAYOUT.size * n)
    for i in range(n):
        LAYOUT.pack_into(out, i * LAYOUT.size, *record(i))
    return out

print("calcsize:", struct.calcsize("!IffB"), struct.calcsize("@dHfB"), struct.calcsize("=dHfB"))
print("The native layout inserts padding so the float is 4-byte aligned; '=' and '!' never pad.")

def peak(builder):
    if tracemalloc.is_tracing():
        tracemalloc.stop()
    tracemalloc.start()
    kept = builder(50_000)
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return kept, top

dict_rows, p_dicts = peak(as_dicts)
packed_rows, p_packed = peak(as_packed)
print(f"peak with dicts {p_dicts:_} B, peak packed {p_packed:_} B")

matches = sum(LAYOUT.unpack_from(packed_rows, i * LAYOUT.size) == record(i) for i in range(50_000))
print(f"{matches} of 50000 records unpack exactly")
print(f"packed buffer is smaller and round-trips exactly: {p_packed < p_dicts and matches == 50_000}")
