# wrong: step 6 is skipped: no memoryview of a bytearray, no write through it, no append error shown
# fails: the program prints the BufferError a bytearray raises when it must grow under a live memoryview
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
    return sum(islice(readings, k))

def both_total(a, b):
    return sum(chain(a, b))

def first_high(readings, limit, k):
    return list(islice((x for x in readings if x > limit), k))

def body_crc(packet, header):
    return zlib.crc32(memoryview(packet)[header:])

def peak_of(fn, *args):
    tracemalloc.start()
    out = fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, peak

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
ok = True
for name, lean, copying, args in jobs:
    a, pa = peak_of(lean, *args)
    b, pb = peak_of(copying, *args)
    print(f"{name}: {pa} vs {pb} bytes, agree: {a == b}")
    ok = ok and pa < pb
print("every version without copies peaks lower than its copying twin:", ok)
