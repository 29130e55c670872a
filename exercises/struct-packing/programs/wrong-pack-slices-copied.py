# wrong: step 3's as_packed allocates the bytearray up front but fills it by slice-assigning struct.pack() results, creating a bytes object per record instead of writing in place with struct.pack_into.
# fails: `as_packed` writes every record with `struct.pack_into` (run again here, the calls counted)
import struct
import tracemalloc

RECORD = "!IffB"
N = 50_000


def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256


def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]


def as_packed(n):
    size = struct.calcsize(RECORD)
    buffer = bytearray(n * size)
    for i in range(n):
        offset = i * size
        buffer[offset:offset + size] = struct.pack(RECORD, *record(i))
    return buffer


def traced_peak(fn, n):
    tracemalloc.start()
    out = fn(n)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, peak


print(f"calcsize('!IffB') = {struct.calcsize(RECORD)}")
print(f"calcsize('@dHfB') = {struct.calcsize('@dHfB')} (native alignment pads the H and f)")
print(f"calcsize('=dHfB') = {struct.calcsize('=dHfB')} (standard sizes, no padding)")

_, dict_peak = traced_peak(as_dicts, N)
packed, packed_peak = traced_peak(as_packed, N)
print(f"dict records peak:   {dict_peak:>10} bytes ({dict_peak / 1024:.0f} KiB)")
print(f"packed records peak: {packed_peak:>10} bytes ({packed_peak / 1024:.0f} KiB)")

size = struct.calcsize(RECORD)
mismatches = [i for i in range(N) if struct.unpack_from(RECORD, packed, i * size) != record(i)]
print(f"{N - len(mismatches)} of {N} records unpacked exactly")
exact = not mismatches

print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and exact}")
