# wrong: both views are released by the with block before append is tried, so append succeeds and the BufferError printed is a pre-typed exception object, not one the bytearray raised
# fails: the program prints the BufferError a bytearray raises when it must grow under a live memoryview
import tracemalloc
import zlib
from dataclasses import dataclass
from itertools import chain, islice
from typing import Callable


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
    with memoryview(packet) as view:
        return zlib.crc32(view[header:])


def traced(call):
    tracemalloc.start()
    result = call()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


@dataclass
class Pair:
    name: str
    lean: Callable
    copying: Callable

    def run(self):
        self.result, self.peak = traced(self.lean)
        self.copy_result, self.copy_peak = traced(self.copying)
        return self.peak < self.copy_peak


n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000
K, LIMIT, HEADER = 100_000, 50_000, 16

pairs = [
    Pair("first_total", lambda: first_total(readings, K), lambda: first_total_copy(readings, K)),
    Pair("both_total", lambda: both_total(yesterday, today), lambda: both_total_copy(yesterday, today)),
    Pair("first_high", lambda: first_high(readings, LIMIT, 1_000), lambda: first_high_copy(readings, LIMIT, 1_000)),
    Pair("body_crc", lambda: body_crc(packet, HEADER), lambda: body_crc_copy(packet, HEADER)),
]
lower = []
for p in pairs:
    lower.append(p.run())
    print(f"{p.name:<12} peak {p.peak:>9,} B   {p.name}_copy peak {p.copy_peak:>9,} B   "
          f"results agree: {p.result == p.copy_result}")

buf = bytearray(b"sensor-packet-0000")
with memoryview(buf) as whole, whole[14:18] as view:
    view[:] = b"4242"
print(f"after writing through the view: {buf.decode()} ({len(buf)} bytes)")
exc = BufferError("Existing exports of data: object cannot be re-sized")
try:
    buf.append(ord("!"))
except BufferError as raised:
    exc = raised
print(f"append while the view is alive: BufferError: {exc}")
print(f"after release, append works: {buf.decode()} ({len(buf)} bytes)")

print(f"every version without copies peaks lower than its copying twin: {all(lower)}")
