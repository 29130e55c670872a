# wrong: 'results agree' for a list result only compares its length and first item, not every item; a first_high returning the wrong later matches would still print True
# fails: the program prints whether each version's result agrees with its copying twin's
import tracemalloc
import zlib
from itertools import chain, islice

def first_total_copy(readings, k):
    return sum(readings[:k])

def both_total_copy(a, b):
    return sum(a + b)

def first_high_copy(readings, limit, k):
    return [x for x in readings if x > limit][:k]

def body_crc_copy(packet, header):
    return zlib.crc32(packet[header:])

def first_total(readings, k):
    return sum(readings[i] for i in range(min(k, len(readings))))

def both_total(a, b):
    return sum(a) + sum(b)

def first_high(readings, limit, k):
    return list(islice((x for x in readings if x > limit), k))

def body_crc(packet, header):
    with memoryview(packet) as whole:
        return zlib.crc32(whole[header:])

def traced(job, *args):
    tracemalloc.start()
    try:
        value = job(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return value, peak

n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

pairs = [
    ("first_total", first_total, first_total_copy, (readings, 150_000)),
    ("both_total", both_total, both_total_copy, (yesterday, today)),
    ("first_high", first_high, first_high_copy, (readings, 60_000, 25)),
    ("body_crc", body_crc, body_crc_copy, (packet, 16)),
]
def agree(mine, theirs):
    if isinstance(mine, list):
        return len(mine) == len(theirs) and mine[0] == theirs[0]
    return mine == theirs

all_lower = True
for name, lean, copying, args in pairs:
    lean_value, lean_peak = traced(lean, *args)
    copy_value, copy_peak = traced(copying, *args)
    lower = lean_peak < copy_peak
    all_lower = all_lower and lower
    print(f"{name:<12} without copy {lean_peak:>10,} bytes | {name}_copy {copy_peak:>10,} bytes"
          f" | results agree: {agree(lean_value, copy_value)}")

buffer = bytearray(32)
view = memoryview(buffer)[8:16]
view[:] = b"\xff" * len(view)
print(f"bytearray of {len(buffer)} bytes after writing through the view: {bytes(buffer[4:20]).hex()}")
try:
    buffer.append(0)
except BufferError as err:
    print(f"append while the view is alive: BufferError: {err}")
view.release()
buffer.append(0)
print(f"after release() the bytearray grows to {len(buffer)} bytes")

print(f"every version without copies peaks lower than its copying twin: {all_lower}")
