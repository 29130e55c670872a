# correct: own helper names (pack_all, measure), offsets from range(0, len, size), records compared in a for loop with a flag, peaks in KiB, the calcsize lines as a table
import struct
import tracemalloc

RECORD = "!IffB"
PACKET = "dHfB"

def record(i):
    return 1_000 + i, i * 0.5, i * -0.25, i % 256

def as_dicts(n):
    return [dict(zip(("id", "x", "y", "flags"), record(i))) for i in range(n)]

def as_packed(n):
    step = struct.calcsize(RECORD)
    data = bytearray(step * n)
    for i, offset in enumerate(range(0, step * n, step)):
        struct.pack_into(RECORD, data, offset, *record(i))
    return data

print("format     calcsize")
print(f"{RECORD:<10} {struct.calcsize(RECORD)}")
print(f"{'@' + PACKET:<10} {struct.calcsize('@' + PACKET)}")
print(f"{'=' + PACKET:<10} {struct.calcsize('=' + PACKET)}")
print("native '@' pads fields to their alignment; standard '=' packs them back to back")

def measure(fn, n):
    tracemalloc.start()
    tracemalloc.reset_peak()
    value = fn(n)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return value, peak

count = 50_000
records_as_dicts, dict_bytes = measure(as_dicts, count)
buffer, packed_bytes = measure(as_packed, count)
print(f"as dicts:  {dict_bytes / 1024:.1f} KiB peak")
print(f"as packed: {packed_bytes / 1024:.1f} KiB peak")

ok = True
step = struct.calcsize(RECORD)
for i in range(count):
    if struct.unpack_from(RECORD, buffer, i * step) != record(i):
        ok = False
        break
print(f"round trip exact: {ok}")
print(f"packed buffer is smaller and round-trips exactly: {packed_bytes < dict_bytes and ok}")
