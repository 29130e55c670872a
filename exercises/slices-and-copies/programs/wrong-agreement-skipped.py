# wrong: prints both peaks of each pair but never whether the results agree (step 5's comparison skipped; the last line compares peaks only)
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
    total = 0
    for count, value in enumerate(readings):
        if count == k:
            break
        total += value
    return total


def both_total(a, b):
    return sum(a) + sum(b)


def first_high(readings, limit, k):
    return list(islice((x for x in readings if x > limit), k))


def body_crc(packet, header):
    with memoryview(packet) as whole:
        return zlib.crc32(whole[header:])


def traced(job):
    tracemalloc.start()
    try:
        out = job()
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

jobs = [
    ("first_total", lambda: first_total(readings, 150_000), lambda: first_total_copy(readings, 150_000)),
    ("both_total", lambda: both_total(yesterday, today), lambda: both_total_copy(yesterday, today)),
    ("first_high", lambda: first_high(readings, 95_000, 10), lambda: first_high_copy(readings, 95_000, 10)),
    ("body_crc", lambda: body_crc(packet, 16), lambda: body_crc_copy(packet, 16)),
]
verdicts = []
for name, lean, twin in jobs:
    lean_out, lean_peak = traced(lean)
    twin_out, twin_peak = traced(twin)
    verdicts.append(lean_peak < twin_peak)
    print(f"{name}: lean {lean_peak:,} B vs copy {twin_peak:,} B")

buf = bytearray(b"." * 24)
part = memoryview(buf)[4:12]
part[0:4] = b"WXYZ"
try:
    buf.append(33)
except BufferError as err:
    print("append while a view exists ->", repr(err))
part.release()

print("every version without copies peaks lower than its copying twin:", all(verdicts))
