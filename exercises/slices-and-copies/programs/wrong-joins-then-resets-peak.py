# wrong: held-out round 12 (tester A): both_total still builds a + b, then calls tracemalloc.reset_peak() so a measurement does not see the copy
# fails: `first_total` and `both_total` copy nothing: each peaks far below its copying twin
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
    joined = a + b            # chain(a, b) was slower here
    total = sum(joined)
    del joined
    if tracemalloc.is_tracing():
        tracemalloc.reset_peak()
    return total

def first_high(readings, limit, k):
    return list(islice((x for x in readings if x > limit), k))

def body_crc(packet, header):
    with memoryview(packet) as whole:
        return zlib.crc32(whole[header:])

def peak_and_result(fn, *args):
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    out = fn(*args)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak, out

n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

jobs = [
    ("first k total", first_total_copy, first_total, (readings, 150_000)),
    ("both batches total", both_total_copy, both_total, (yesterday, today)),
    ("first k above limit", first_high_copy, first_high, (readings, 60_000, 50)),
    ("body crc32", body_crc_copy, body_crc, (packet, 16)),
]
outcome = []
print(f"{'job':<22}{'copy peak':>14}{'no-copy peak':>14}  agree")
for name, twin, lean, args in jobs:
    p_copy, r_copy = peak_and_result(twin, *args)
    p_lean, r_lean = peak_and_result(lean, *args)
    outcome.append(p_lean < p_copy)
    print(f"{name:<22}{p_copy:>12} B{p_lean:>12} B  {r_copy == r_lean}")

buf = bytearray(b"abcdefghijkl")
view = memoryview(buf)[4:8]
view[:] = b"WXYZ"
print("bytearray after writing through the view:", bytes(buf))
try:
    buf.append(0x21)
except BufferError as err:
    print("append while the view exists ->", type(err).__name__ + ":", err)
finally:
    view.release()
buf.append(0x21)
print("after release, append works:", bytes(buf))

print("every version without copies peaks lower than its copying twin: " + str(all(outcome)))
