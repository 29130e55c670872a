# wrong: round 10: step 6 makes the memoryview but writes into the bytearray itself (buffer[4:8] = ...), not through the view; its output is the same as a correct program's
# fails: the program writes into its bytearray through the memoryview
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
    above = (value for value in readings if value > limit)
    return list(islice(above, k))


def body_crc(packet, header):
    with memoryview(packet) as whole:
        return zlib.crc32(whole[header:])


def traced_peak(func, *args):
    """Run func(*args) under tracemalloc; give back (result, peak bytes)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        outcome = func(*args)
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return outcome, top


SIZE = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(SIZE)]
half = SIZE // 2
yesterday, today = readings[:half], readings[half:]
packet = bytes(range(256)) * 8_000
HEADER = 16
K = 150_000
LIMIT = 90_000
WANTED = 25

jobs = {
    "first_total": (first_total_copy, first_total, (readings, K)),
    "both_total": (both_total_copy, both_total, (yesterday, today)),
    "first_high": (first_high_copy, first_high, (readings, LIMIT, WANTED)),
    "body_crc": (body_crc_copy, body_crc, (packet, HEADER)),
}

lower_everywhere = True
for name, (copying, lean, args) in jobs.items():
    copy_result, copy_peak = traced_peak(copying, *args)
    lean_result, lean_peak = traced_peak(lean, *args)
    agree = copy_result == lean_result
    print(f"{name:<12} with copy peak {copy_peak:>9,} B | without copy peak "
          f"{lean_peak:>7,} B | same result: {agree}")
    lower_everywhere = lower_everywhere and lean_peak < copy_peak

buffer = bytearray(b"abcdefghijklmnop")
window = memoryview(buffer)[4:8]
buffer[4:8] = b"WXYZ"
print(f"after writing through the view: {bytes(buffer)!r}")
try:
    buffer.append(ord("!"))
except BufferError as problem:
    print(f"append while the view is alive -> BufferError: {problem}")
finally:
    window.release()
buffer.append(ord("!"))
print(f"after release, append works: {bytes(buffer)!r}")

print(f"every version without copies peaks lower than its copying twin: {lower_everywhere}")
