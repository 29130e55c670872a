# wrong: pack_into never writes into the big buffer: each record is packed into one reused 13-byte scratch bytearray and then slice-copied into place, so the buffer is not written in place with pack_into
# fails: `as_packed` writes every record with `struct.pack_into` (run again here, the calls counted)
import struct
import tracemalloc

RECORD = "!IffB"

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]

def as_packed(n):
    layout = struct.Struct(RECORD)
    buf = bytearray(n * layout.size)
    scratch = bytearray(layout.size)
    offset = 0
    for i in range(n):
        struct.pack_into(RECORD, scratch, 0, *record(i))
        buf[offset:offset + layout.size] = scratch
        offset += layout.size
    return buf

def peak_of(build, n):
    tracemalloc.start()
    try:
        made = build(n)
        return made, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

rec_size = struct.calcsize(RECORD)
native = struct.calcsize("@dHfB")
standard = struct.calcsize("=dHfB")
f_native = struct.calcsize("@dHf") - struct.calcsize("@f")
f_standard = struct.calcsize("=dH")
print(f'calcsize("{RECORD}") = {rec_size}')
print(f'calcsize("@dHfB") = {native}, calcsize("=dHfB") = {standard}')
print(f"  @ aligns like a C struct: the f starts at offset {f_native} instead of {f_standard},"
      f" so {native - standard} padding bytes sit after the H; = packs the fields back to back")

N = 50_000
dicts, dict_peak = peak_of(as_dicts, N)
del dicts
print(f"{N:,} records as dicts : peak {dict_peak:,} bytes")
packed, packed_peak = peak_of(as_packed, N)
print(f"{N:,} records packed   : peak {packed_peak:,} bytes ({len(packed):,}-byte buffer)")

mismatches = 0
for i in range(N):
    if struct.unpack_from(RECORD, packed, i * rec_size) != record(i):
        mismatches += 1
exact = mismatches == 0
print(f"records that unpack differently from record(i): {mismatches}")

print(f"packed buffer is smaller and round-trips exactly: {packed_peak < dict_peak and exact}")
