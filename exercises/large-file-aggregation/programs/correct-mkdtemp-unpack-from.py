# correct: written from the task alone, another way: chunks from iter(lambda: f.read(CHUNK_BYTES), b"") unpacked record by record with unpack_from, a mkdtemp folder cleaned up by hand, a log of 60,000 lines, peaks in KiB, the error as a difference and a percentage
import collections
import hashlib
import math
import os
import struct
import tempfile
import tracemalloc

RECORD = struct.Struct("<HIdB")  # sensor, timestamp, value, status: 15 bytes
CHUNK_RECORDS = 4096
CHUNK_BYTES = RECORD.size * CHUNK_RECORDS
MASK = (1 << 64) - 1


def mix(x):
    # A 64-bit scrambler: the same input gives the same output on every run.
    x = (x + 0x9E3779B97F4A7C15) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def reading(i):
    r = mix(i)
    status = 1 if (r >> 20) % 50 == 0 else 0
    return r % 64, 1_700_000_000 + i // 10, 10 + ((r >> 8) % 160) / 4, status


def write_readings(path, n):
    with open(path, "wb") as f:
        for start in range(0, n, CHUNK_RECORDS):
            stop = min(start + CHUNK_RECORDS, n)
            f.write(b"".join(RECORD.pack(*reading(i)) for i in range(start, stop)))


def add_reading(totals, sensor, value, status):
    # Per sensor: [good readings, sum, lowest, highest]; faulty ones are skipped.
    if status:
        return
    entry = totals.get(sensor)
    if entry is None:
        totals[sensor] = [1, value, value, value]
    else:
        entry[0] += 1
        entry[1] += value
        entry[2] = min(entry[2], value)
        entry[3] = max(entry[3], value)


def aggregate_all_at_once(path):
    totals = {}
    with open(path, "rb") as f:
        data = f.read()
    for sensor, _, value, status in RECORD.iter_unpack(data):
        add_reading(totals, sensor, value, status)
    return totals


def aggregate_streaming(path):
    totals = {}
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK_BYTES), b""):
            for offset in range(0, len(chunk), RECORD.size):
                sensor, _, value, status = RECORD.unpack_from(chunk, offset)
                add_reading(totals, sensor, value, status)
    return totals


def write_log(path, lines):
    clients, second = lines // 4, 1_700_000_000
    with open(path, "w") as f:
        for i in range(lines):
            r = mix(i + (1 << 40))
            if (r >> 56) % 32 == 0:
                second += 1
            spread = (r % clients) * 2654435761 % (1 << 24)
            address = f"10.{spread >> 16}.{(spread >> 8) & 255}.{spread & 255}"
            item = min((r >> 24) % 500, (r >> 40) % 500)
            f.write(f"{address} {second} GET /item/{item} 200\n")


def hash64(text):
    # Unlike hash(str), the same in every process.
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


class HyperLogLog:
    P = 14
    M = 1 << P

    def __init__(self):
        self.registers = bytearray(self.M)

    def add(self, item):
        h = hash64(item)
        index = h >> (64 - self.P)
        rest = h & ((1 << (64 - self.P)) - 1)
        rank = (64 - self.P) - rest.bit_length() + 1
        if rank > self.registers[index]:
            self.registers[index] = rank

    def estimate(self):
        m = self.M
        alpha = 0.7213 / (1 + 1.079 / m)
        raw = alpha * m * m / sum(2.0 ** -r for r in self.registers)
        zeros = self.registers.count(0)
        if raw <= 2.5 * m and zeros:
            return m * math.log(m / zeros)
        return raw


def scan_log(path, distinct):
    add = distinct.add
    urls = collections.Counter()
    current, in_current, busiest = None, 0, 0
    with open(path) as f:
        for line in f:
            address, second, _, url, _ = line.split(" ")
            add(address)
            urls[url] += 1
            if second != current:
                current, in_current = second, 0
            in_current += 1
            busiest = max(busiest, in_current)
    return urls.most_common(3), busiest


def peak_of(work):
    tracemalloc.start()
    work()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top


folder = tempfile.mkdtemp()
stream_peaks = []
for count in (30_000, 120_000):
    data_file = os.path.join(folder, "r%d.bin" % count)
    write_readings(data_file, count)
    whole_peak = peak_of(lambda: aggregate_all_at_once(data_file))
    chunk_peak = peak_of(lambda: aggregate_streaming(data_file))
    stream_peaks.append(chunk_peak)
    print(f"{count} readings -> read(): {whole_peak / 1024:.1f} KiB peak; chunks: {chunk_peak / 1024:.1f} KiB peak")
    os.remove(data_file)
stays_flat = max(stream_peaks) <= 1.2 * min(stream_peaks)

log_file = os.path.join(folder, "clients.log")
write_log(log_file, 60_000)
seen = set()
set_peak = peak_of(lambda: scan_log(log_file, seen))
hll = HyperLogLog()
hll_peak = peak_of(lambda: scan_log(log_file, hll))
guess = hll.estimate()
off_by = guess - len(seen)
print(f"distinct clients, counted exactly: {len(seen)}")
print(f"distinct clients, estimated: {guess:.1f}, off by {off_by:+.1f} ({100 * off_by / len(seen):+.3f}%)")
print(f"scan peaks: set {set_peak / 1024:.1f} KiB, HyperLogLog {hll_peak / 1024:.1f} KiB")
os.remove(log_file)
os.rmdir(folder)
close_enough = abs(off_by) <= 0.02 * len(seen)
print(f"memory stays flat as the input grows, and the sketch is within 2%: {stays_flat and close_enough}")
