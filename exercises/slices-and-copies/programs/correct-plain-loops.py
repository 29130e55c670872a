# correct: written from the task alone; plain index loops instead of itertools, sum(a) + sum(b), a for-loop that breaks, crc32 chained over a memoryview, other wording and order of printing
import tracemalloc
import zlib


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
    i = 0
    stop = min(k, len(readings))
    while i < stop:
        total += readings[i]
        i += 1
    return total


def both_total(a, b):
    return sum(a) + sum(b)


def first_high(readings, limit, k):
    found = []
    if k <= 0:
        return found
    for value in readings:
        if value > limit:
            found.append(value)
            if len(found) == k:
                break
    return found


def body_crc(packet, header):
    view = memoryview(packet)
    crc = zlib.crc32(view[header:])
    view.release()
    return crc


n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

cases = {
    "first_total": (first_total_copy, first_total, (readings, 100_000)),
    "both_total": (both_total_copy, both_total, (yesterday, today)),
    "first_high": (first_high_copy, first_high, (readings, 90_000, 5)),
    "body_crc": (body_crc_copy, body_crc, (packet, 16)),
}
lower = []
for name, (twin, mine, args) in cases.items():
    tracemalloc.start()
    tracemalloc.reset_peak()
    expected = twin(*args)
    copy_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    got = mine(*args)
    lean_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    lower.append(lean_peak < copy_peak)
    print(name, "copy", copy_peak, "lean", lean_peak, "agree" if got == expected else "DIFFER")

data = bytearray(32)
window = memoryview(data)[8:16]
window[:] = b"ABCDEFGH"
try:
    data.append(0)
    print("append worked?!")
except BufferError as e:
    print("BufferError:", e)
finally:
    window.release()
print(data)

print("Every version without copies peaks lower than its copying twin =", all(lower))
