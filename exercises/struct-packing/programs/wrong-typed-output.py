# wrong: nothing is measured or unpacked: the figures and the conclusion are typed in from another run
# fails: the program unpacks every record with `struct.unpack_from`
import struct

RECORD = "!IffB"

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]

def as_packed(n):
    size = struct.calcsize(RECORD)
    buffer = bytearray(n * size)
    for i in range(n):
        struct.pack_into(RECORD, buffer, i * size, *record(i))
    return buffer

print("calcsize('!IffB') = 13")
print("calcsize('@dHfB') = 17")
print("calcsize('=dHfB') = 15")
print("50,000 records as dicts: 13,635,496 bytes peak")
print("50,000 records packed: 650,441 bytes peak")
print("packed buffer is smaller and round-trips exactly: True")
