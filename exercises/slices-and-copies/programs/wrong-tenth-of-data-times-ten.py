# wrong: each pair is measured on a tenth of the data and the peaks multiplied by ten
# fails: the program measures each pair with tracemalloc and prints both peaks
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

small = readings[: n // 10]
ys, ts = small[: len(small) // 2], small[len(small) // 2:]
spkt = packet[: len(packet) // 10]
jobs = [
    ("first_total", first_total, first_total_copy, (small, 15_000)),
    ("both_total", both_total, both_total_copy, (ys, ts)),
    ("first_high", first_high, first_high_copy, (small, 50_000, 10)),
    ("body_crc", body_crc, body_crc_copy, (spkt, 16)),
]
ok = True
for name, lean, copying, args in jobs:
    a, pa = peak_of(lean, *args)
    b, pb = peak_of(copying, *args)
    pa, pb = pa * 10, pb * 10
    print(f"{name}: {pa} vs {pb} bytes, agree: {a == b}")
    ok = ok and pa < pb

ba = bytearray(10)
mv = memoryview(ba)[0:4]
mv[1] = 7
try:
    ba.append(1)
except BufferError as e:
    print("BufferError:", e)
mv.release()
print("every version without copies peaks lower than its copying twin:", ok)
