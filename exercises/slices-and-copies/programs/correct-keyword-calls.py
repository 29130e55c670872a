# correct: written from the task; every function called with keyword arguments, peaks taken by a context manager class, both_total as nested loops over the two batches, first_high as a generator and islice, body_crc chained over 64 KiB pieces of a memoryview, the last line from the smallest margin of the four pairs
import tracemalloc
import zlib
from itertools import islice


def first_total_copy(readings, k):
    return sum(readings[:k])


def both_total_copy(a, b):
    return sum(a + b)


def first_high_copy(readings, limit, k):
    return [x for x in readings if x > limit][:k]


def body_crc_copy(packet, header):
    return zlib.crc32(packet[header:])


def first_total(readings, k):
    return sum(readings[i] for i in range(min(k, len(readings))))


def both_total(a, b):
    total = 0
    for batch in (a, b):
        for value in batch:
            total += value
    return total


def first_high(readings, limit, k):
    return list(islice((x for x in readings if x > limit), k))


def body_crc(packet, header):
    crc = 0
    with memoryview(packet) as view:
        for start in range(header, len(view), 65_536):
            crc = zlib.crc32(view[start:start + 65_536], crc)
    return crc


class Peak:
    """with Peak() as peak: ...; then peak.bytes is the traced peak inside."""

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.bytes = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return False


READINGS = [1_000 + i * 7919 % 100_000 for i in range(200_000)]
YESTERDAY, TODAY = READINGS[:100_000], READINGS[100_000:]
PACKET = bytes(range(256)) * 8_000

jobs = [
    ("first_total", first_total, first_total_copy, dict(readings=READINGS, k=120_000)),
    ("both_total", both_total, both_total_copy, dict(a=YESTERDAY, b=TODAY)),
    ("first_high", first_high, first_high_copy, dict(readings=READINGS, limit=95_000, k=25)),
    ("body_crc", body_crc, body_crc_copy, dict(packet=PACKET, header=16)),
]
margins = []
for label, lean, twin, kwargs in jobs:
    with Peak() as lean_peak:
        lean_result = lean(**kwargs)
    with Peak() as twin_peak:
        twin_result = twin(**kwargs)
    margins.append(twin_peak.bytes - lean_peak.bytes)
    print(f"{label:12} {lean_peak.bytes:>10,} B without a copy | {twin_peak.bytes:>10,} B with one | "
          f"same result: {lean_result == twin_result}")

store = bytearray(b"abcdefghij")
window = memoryview(store)[3:7]
window[1] = ord("Z")
print("the bytearray after writing through the view:", store)
try:
    store.append(0)
except BufferError as problem:
    print(f"append refused: {problem}")
window.release()

print(f"every version without copies peaks lower than its copying twin: {min(margins) > 0}")
