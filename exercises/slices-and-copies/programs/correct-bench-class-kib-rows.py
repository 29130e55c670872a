# correct: a Bench class keeps one tracemalloc session and uses reset_peak per call; rows gathered then written with sys.stdout.write in KiB; sum(a)+sum(b), filter+islice and a chunked crc over a memoryview
import sys
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
    return sum(islice(iter(readings), k))


def both_total(a, b):
    return sum(a) + sum(b)


def first_high(readings, limit, k):
    return list(islice(filter(limit.__lt__, readings), k))


def body_crc(packet, header, chunk=64 * 1024):
    view = memoryview(packet)
    crc = 0
    for start in range(header, len(view), chunk):
        crc = zlib.crc32(view[start:start + chunk], crc)
    view.release()
    return crc


class Bench:
    def __init__(self):
        self.rows = []

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        tracemalloc.stop()

    def peak_of(self, fn, args):
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        out = fn(*args)
        return out, tracemalloc.get_traced_memory()[1] - base

    def pair(self, job, lean, copying, *args):
        want, copy_peak = self.peak_of(copying, args)
        got, lean_peak = self.peak_of(lean, args)
        self.rows.append((job, copy_peak, lean_peak, got == want))

    def all_lower(self):
        return all(lean < copy for _, copy, lean, _ in self.rows)


n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

with Bench() as bench:
    bench.pair("first 120000", first_total, first_total_copy, readings, 120_000)
    bench.pair("both batches", both_total, both_total_copy, yesterday, today)
    bench.pair("first 10 > 99000", first_high, first_high_copy, readings, 99_000, 10)
    bench.pair("crc after 16 B", body_crc, body_crc_copy, packet, 16)

sys.stdout.write("%-18s %14s %14s  %s\n" % ("job", "copy peak KiB", "lean peak KiB", "agree"))
for job, copy_peak, lean_peak, agree in bench.rows:
    sys.stdout.write("%-18s %14.1f %14.2f  %s\n" % (job, copy_peak / 1024, lean_peak / 1024, agree))

buf = bytearray(b"....reading:000....")
sys.stdout.write("bytearray length: %d bytes\n" % len(buf))
mv = memoryview(buf)
part = mv[12:15]
part[:] = b"481"
sys.stdout.write("written through memoryview[12:15]: %s\n" % buf.decode())
try:
    buf.append(0x2E)
except BufferError as problem:
    sys.stdout.write("append under a live view -> %s: %s\n" % (type(problem).__name__, problem))
part.release()
mv.release()

sys.stdout.write("every version without copies peaks lower than its copying twin: %s\n" % bench.all_lower())
