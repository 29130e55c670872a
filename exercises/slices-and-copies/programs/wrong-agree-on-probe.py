# wrong: whether each version agrees with its twin is decided on short probe inputs (a few hundred readings, 64 bytes of packet), not on the results of the measured runs over the full data
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
    return sum(islice(readings, k))

def both_total(a, b):
    return sum(chain(a, b))

def first_high(readings, limit, k):
    above = (x for x in readings if x > limit)
    return list(islice(above, k))

def body_crc(packet, header):
    with memoryview(packet) as whole:
        with whole[header:] as body:
            return zlib.crc32(body)

n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

def traced(func, *args):
    tracemalloc.start()
    result = func(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak

jobs = [
    ("first_total", first_total_copy, first_total, (readings, 150_000), (readings[:400], 300)),
    ("both_total", both_total_copy, both_total, (yesterday, today), (yesterday[:200], today[:200])),
    ("first_high", first_high_copy, first_high, (readings, 60_000, 500), (readings[:400], 60_000, 5)),
    ("body_crc", body_crc_copy, body_crc, (packet, 16), (packet[:64], 16)),
]

lower_everywhere = True
for name, twin, ours, args, probe in jobs:
    _, twin_peak = traced(twin, *args)
    _, our_peak = traced(ours, *args)
    agree = twin(*probe) == ours(*probe)   # quick cross-check on a short probe
    lower_everywhere = lower_everywhere and our_peak < twin_peak
    print(f"{name}: copying twin peaks at {twin_peak} bytes, "
          f"without copies {our_peak} bytes; results agree: {agree}")

buffer = bytearray(b"sensor-frame-0000")
print(f"bytearray of {len(buffer)} bytes: {bytes(buffer)!r}")
window = memoryview(buffer)[13:17]
window[:] = b"0042"
print(f"after writing through the view: {bytes(buffer)!r}")
try:
    buffer.append(0x21)
except BufferError as error:
    print(f"append while the view exists: BufferError: {error}")
window.release()
buffer.append(0x21)
print(f"after release, append works: {len(buffer)} bytes")

print("every version without copies peaks lower than its copying twin:", lower_everywhere)
