# wrong: the offsets and padding in the explanation are typed-in C alignment arithmetic, not formatted from what calcsize returned
# fails: the explanation's padding and offsets follow `calcsize`: run again with a native layout that puts 4 more bytes before the float, no line gives the old ones
import struct
import tracemalloc

RECORD = "!IffB"
N = 50_000

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]

def as_packed(n):
    step = struct.calcsize(RECORD)
    buf = bytearray(n * step)
    pos = 0
    for i in range(n):
        struct.pack_into(RECORD, buf, pos, *record(i))
        pos += step
    return buf

def traced(build, *args):
    tracemalloc.start()
    try:
        result = build(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak

rec_size = struct.calcsize(RECORD)
native = struct.calcsize("@dHfB")
standard = struct.calcsize("=dHfB")
D, H, F = 8, 2, 4  # C sizes of double, short, float
f_offset = (D + H + F - 1) // F * F
print(f"calcsize({RECORD!r}) = {rec_size}")
print(f"calcsize('@dHfB') = {native}, calcsize('=dHfB') = {standard}")
print(f"native '@' aligns like a C struct: f starts at offset {f_offset} instead of "
      f"{D + H}: {f_offset - D - H} bytes of padding after H "
      f"(struct adds none at the end); '=' uses standard sizes and packs with none")

dicts, dict_peak = traced(as_dicts, N)
del dicts
buf, packed_peak = traced(as_packed, N)
print(f"{N:,} records as dicts: peak {dict_peak:,} bytes")
print(f"{N:,} records packed:   peak {packed_peak:,} bytes ({len(buf):,} byte buffer)")
print(f"dicts / packed peak ratio: {dict_peak / packed_peak:.1f}")

mismatches = sum(
    1 for i in range(N)
    if struct.unpack_from(RECORD, buf, i * rec_size) != record(i)
)
print(f"records unpacked: {N:,}, mismatches: {mismatches}")
print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and mismatches == 0}")
