# wrong: the last line leaves the checksum pair (body_crc against body_crc_copy) out of its comparison
# fails: the last line takes in every pair: with a `both_total`, a `first_high` or a `body_crc` that copies, it says False
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
    acc = 0
    for pos in range(min(k, len(readings))):
        acc += readings[pos]
    return acc


def both_total(a, b):
    return sum(chain(a, b))


def first_high(readings, limit, k):
    picked = []
    if k <= 0:
        return picked
    for value in readings:
        if value > limit:
            picked.append(value)
            if len(picked) == k:
                break
    return picked


def body_crc(packet, header):
    with memoryview(packet) as whole:
        return zlib.crc32(whole[header:])


def peak_of(job):
    tracemalloc.start()
    out = job()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, top


n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

pairs = [
    ("first 150,000", lambda: first_total(readings, 150_000), lambda: first_total_copy(readings, 150_000)),
    ("both batches", lambda: both_total(yesterday, today), lambda: both_total_copy(yesterday, today)),
    ("first 10 above 50,000", lambda: first_high(readings, 50_000, 10), lambda: first_high_copy(readings, 50_000, 10)),
    ("crc of the body", lambda: body_crc(packet, 16), lambda: body_crc_copy(packet, 16)),
]
all_lower = True
for label, lean, copying in pairs:
    r1, p1 = peak_of(lean)
    r2, p2 = peak_of(copying)
    if label != "crc of the body":
        all_lower = all_lower and p1 < p2
    print(f"{label}: no copy peak {p1:,} B, copying peak {p2:,} B, results agree: {r1 == r2}")

buf = bytearray(b"0123456789")
view = memoryview(buf)[2:6]
view[0:2] = b"ab"
print("written through the view:", bytes(buf))
try:
    buf.append(33)
except BufferError as err:
    print("append while a view exists:", err)
finally:
    view.release()

print(f"every version without copies peaks lower than its copying twin: {all_lower}")
