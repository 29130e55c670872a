# wrong: the peaks printed are typed from an earlier run; each pair is still measured but the figures are thrown away
# fails: the program measures each pair with tracemalloc and prints both peaks
# fails: the last line follows the program's own measurements: with a `first_total` that copies, it says False
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
typed = {"first_total": (120, 1200048), "both_total": (144, 1600048),
         "first_high": (952, 901328), "body_crc": (496, 2048049)}
ok = True
for name, lean, copying, args in jobs:
    a, _ = peak_of(lean, *args)
    b, _ = peak_of(copying, *args)
    pa, pb = typed[name]
    print(f"{name}: {pa} vs {pb} bytes, agree: {a == b}")
    ok = ok and pa < pb

ba = bytearray(b"0123456789")
mv = memoryview(ba)[2:6]
mv[0] = 65
print(ba)
try:
    ba.append(1)
except BufferError as e:
    print("BufferError:", e)
mv.release()
print("every version without copies peaks lower than its copying twin:", ok)
