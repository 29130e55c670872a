# correct: written from the task text alone; jobs kept in a dict of (copying, lean) pairs; the conclusion counts the pairs that won with a counter; getsizeof of a slice and of a memoryview shown in KiB and bytes; a timing line of its own (the four lean functions on the task's data, best of 3)
import sys
import time
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
    return sum(islice(readings, 0, k))


def both_total(a, b):
    total = 0
    for x in chain(a, b):
        total += x
    return total


def first_high(readings, limit, k):
    picked = []
    it = iter(readings)
    while len(picked) < k:
        x = next(it, None)
        if x is None:
            break
        if x > limit:
            picked.append(x)
    return picked


def body_crc(packet, header):
    view = memoryview(packet)
    try:
        return zlib.crc32(view[header:])
    finally:
        view.release()


def peak_of(fn):
    tracemalloc.start()
    value = fn()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return value, top


data = [1_000 + i * 7919 % 100_000 for i in range(200_000)]
old, new = data[:100_000], data[100_000:]
packet = bytes(range(256)) * 8_000

part = data[:100_000]
print(f"a slice of 100,000 readings: {sys.getsizeof(part) / 1024:.1f} KiB of list object")
del part
view = memoryview(packet)[16:]
print(f"a memoryview of the body: {sys.getsizeof(view)} bytes")
view.release()

pairs = {
    "first_total": (lambda: first_total_copy(data, 100_000), lambda: first_total(data, 100_000)),
    "both_total": (lambda: both_total_copy(old, new), lambda: both_total(old, new)),
    "first_high": (lambda: first_high_copy(data, 91_000, 1_000), lambda: first_high(data, 91_000, 1_000)),
    "body_crc": (lambda: body_crc_copy(packet, 16), lambda: body_crc(packet, 16)),
}
wins = 0
for name, (copying, lean) in pairs.items():
    copied, copy_peak = peak_of(copying)
    got, lean_peak = peak_of(lean)
    print(f"{name}: {lean_peak} B without copies vs {copy_peak} B with (results agree: {got == copied})")
    if lean_peak < copy_peak and got == copied:
        wins += 1

frame = bytearray(b"abcdefgh")
window = memoryview(frame)[1:5]
window[0] = ord("Z")
try:
    frame.append(33)
except BufferError as problem:
    print("append while a view exists ->", problem)
window.release()

best = float("inf")
for _ in range(3):
    t0 = time.perf_counter()
    first_total(data, 100_000)
    both_total(old, new)
    first_high(data, 91_000, 1_000)
    body_crc(packet, 16)
    best = min(best, time.perf_counter() - t0)
print(f"timing: variant optimized at n=200000: {best * 1e6:.1f} us per call, best of 3 (tracemalloc off)")
print(f"every version without copies peaks lower than its copying twin: {wins == len(pairs)}")
