# correct: islice/chain/generator/memoryview versions, each measured against its twin with tracemalloc, memoryview export error shown, last line computed
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
    total = 0
    for i in range(min(k, len(readings))):
        total += readings[i]
    return total

def both_total(a, b):
    return sum(a) + sum(b)

def first_high(readings, limit, k):
    found = []
    for x in readings:
        if len(found) == k:
            break
        if x > limit:
            found.append(x)
    return found

def body_crc(packet, header):
    with memoryview(packet) as view:
        return zlib.crc32(view[header:])

def traced(fn, *args):
    tracemalloc.start()
    tracemalloc.reset_peak()
    out = fn(*args)
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, top

n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

jobs = [
    ("first_total", first_total, first_total_copy, (readings, 150_000)),
    ("both_total", both_total, both_total_copy, (yesterday, today)),
    ("first_high", first_high, first_high_copy, (readings, 50_000, 10)),
    ("body_crc", body_crc, body_crc_copy, (packet, 16)),
]
all_lower = True
for name, lean, copying, args in jobs:
    r1, p1 = traced(lean, *args)
    r2, p2 = traced(copying, *args)
    print(f"{name}: no copy peaks at {p1} B, copying twin at {p2} B, same result: {r1 == r2}")
    all_lower = all_lower and p1 < p2

buf = bytearray(b"abcdefgh")
part = memoryview(buf)[2:5]
part[0] = ord("Z")
print("after writing through the view:", bytes(buf))
try:
    buf.append(0)
except BufferError as exc:
    print("append while the view exists:", type(exc).__name__, exc)
part.release()

print("every version without copies peaks lower than its copying twin:", all_lower)
