"""Heapwise reference program for slices-and-copies (L-ref itertools,
avoid unnecessary copies).

Four everyday jobs done twice: once with slices and concatenations that
copy, once with itertools and memoryview, which only walk or point into
data that already exists. tracemalloc measures each; the data is built
before tracing starts, so the peaks are what each way adds.
"""
import platform
import struct
import sys
import time
import tracemalloc
import zlib
from itertools import chain, islice

REPEATS = 5  # timed rounds; the fastest is the least disturbed by the rest of the machine


def traced_peak(compute):
    """Peak bytes traced while compute() runs, and its result."""
    tracemalloc.start()
    result = compute()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, result


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


# The first k readings.
def first_total_copy(readings, k):
    return sum(readings[:k])


def first_total(readings, k):
    return sum(islice(readings, k))


# Two batches as one sequence.
def both_total_copy(a, b):
    return sum(a + b)


def both_total(a, b):
    return sum(chain(a, b))


# The first k readings above a limit.
def first_high_copy(readings, limit, k):
    return [x for x in readings if x > limit][:k]


def first_high(readings, limit, k):
    return list(islice((x for x in readings if x > limit), k))


# A checksum of a packet's body, after its header.
def body_crc_copy(packet, header):
    return zlib.crc32(packet[header:])


def body_crc(packet, header):
    with memoryview(packet) as view:
        return zlib.crc32(view[header:])


def four_jobs_from_scratch(n, limit=91_000, k=1_000, header=16):
    """What the Rust variant does start to end: build n readings and an n-byte
    packet, then the four jobs without copies (the first half summed, both
    halves summed as one chain, the first k readings above the limit summed,
    and a position-weighted sum of the packet's body)."""
    readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
    packet = bytes(i & 255 for i in range(n))
    half = n // 2
    first = sum(islice(readings, half))
    total = sum(chain(islice(readings, half), islice(readings, half, None)))
    kept = sum(islice((x for x in readings if x > limit), k))
    with memoryview(packet) as view:
        checksum = sum((i + 1) * b for i, b in enumerate(view[header:]))
    return first + total + kept + checksum


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000
header = 16

half = readings[: n // 2]
print(f"readings[:{n // 2:,}] is a new list: sys.getsizeof {sys.getsizeof(half):,} bytes")
print(f"readings[:] is readings: {readings[:] is readings}")
print(f"packet[:] is packet: {packet[:] is packet}")
print(f"readings[:3][0] is readings[0]: {readings[:3][0] is readings[0]}")
del half

jobs = [
    (f"first {n // 2:,} readings", lambda: first_total_copy(readings, n // 2), lambda: first_total(readings, n // 2)),
    (f"two batches of {n // 2:,}", lambda: both_total_copy(yesterday, today), lambda: both_total(yesterday, today)),
    ("first 1,000 readings above 91,000", lambda: first_high_copy(readings, 91_000, 1_000),
     lambda: first_high(readings, 91_000, 1_000)),
    (f"crc32 of a {len(packet):,}-byte packet's body", lambda: body_crc_copy(packet, header),
     lambda: body_crc(packet, header)),
]
lazier = []
for what, copying, lazy in jobs:
    copy_peak, copy_result = traced_peak(copying)
    lazy_peak, lazy_result = traced_peak(lazy)
    lazier.append(lazy_peak < copy_peak and lazy_result == copy_result)
    print(f"{what}: copying {copy_peak:,} bytes peak, without copies {lazy_peak:,} bytes peak, "
          f"same result: {lazy_result == copy_result}")

view = memoryview(packet)[header:]
print(f"memoryview(packet)[16:].obj is packet: {view.obj is packet}")
print(f"a memoryview object: sys.getsizeof {sys.getsizeof(view)} bytes for a view of {len(view):,} bytes")
view.release()

# A view of a bytearray writes through to it, and pins its size.
frame = bytearray(8)
window = memoryview(frame)[2:6]
window[:] = b"\xff" * 4
print(f"frame[2] == 255: {frame[2] == 255}")
try:
    frame.append(0)
except BufferError as error:
    print(f"BufferError: {error}")
window.release()
frame.append(0)
print(f"after release() the bytearray can grow again: {len(frame)} bytes")

# The four jobs done without copies, timed with tracemalloc off: the page sets
# this figure beside the Rust variant doing its four jobs with borrowed
# slices, chain, filter and take at this n. The Rust variant builds its data
# inside the timed body and sums the packet's body in a loop of its own (no
# crc32), so the timed step does the same.
micros = best_time_us(lambda: four_jobs_from_scratch(n))
print(f"timing: variant optimized at n={n}: {micros:.1f} us per call, best of {REPEATS} (tracemalloc off)")
print(f"every version without copies peaks lower than its copying twin: {all(lazier)}")
