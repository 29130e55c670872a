# wrong: the printed peak of each _copy twin is traced around a bare copy expression (readings[:K], a + b, ...), while the twin's own traced peak is taken and thrown away: the twins are never measured as printed
# fails: each copying twin's peak printed is that twin's own: run again with each twin holding 5,000,000 bytes more while it runs, a printed peak rises by that for each
import tracemalloc
import zlib
from dataclasses import dataclass
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
    return list(islice((x for x in readings if x > limit), k))

def body_crc(packet, header):
    with memoryview(packet) as view:
        return zlib.crc32(view[header:])

n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000
HEADER, K, LIMIT, HIGH_K = 16, 150_000, 90_000, 5


@dataclass
class Comparison:
    job: str
    lean_peak: int
    copy_peak: int
    agree: bool

    @property
    def lean_wins(self):
        return self.lean_peak < self.copy_peak


def peak_of(fn, *args):
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    result = fn(*args)
    return result, tracemalloc.get_traced_memory()[1] - before


def compare(lean, copying, copy_made, *args):
    lean_result, lean_peak = peak_of(lean, *args)
    copy_result, _ = peak_of(copying, *args)
    _, copy_peak = peak_of(copy_made)  # the twin's peak is the copy it has to build
    return Comparison(lean.__name__, lean_peak, copy_peak, lean_result == copy_result)


tracemalloc.start()
comparisons = [
    compare(first_total, first_total_copy, lambda: readings[:K], readings, K),
    compare(both_total, both_total_copy, lambda: yesterday + today, yesterday, today),
    compare(first_high, first_high_copy, lambda: [x for x in readings if x > LIMIT],
            readings, LIMIT, HIGH_K),
    compare(body_crc, body_crc_copy, lambda: packet[HEADER:], packet, HEADER),
]
tracemalloc.stop()
for c in comparisons:
    print(f"{c.job:<12} peak {c.lean_peak:>9,} B | {c.job}_copy peak {c.copy_peak:>9,} B | "
          f"results agree: {c.agree}")

buffer = bytearray(b"header:" + b"." * 25)
window = memoryview(buffer)[7:13]
window[:] = b"SENSOR"
print(f"bytearray of {len(buffer)} bytes after writing through the view: {bytes(buffer)!r}")
try:
    buffer.append(ord("!"))
except BufferError as err:
    print(f"append while the view is alive -> BufferError: {err}")
finally:
    window.release()
buffer.append(ord("!"))
print(f"after release() the append works: {len(buffer)} bytes")

print(f"every version without copies peaks lower than its copying twin: "
      f"{all(c.lean_wins for c in comparisons)}")
