# wrong: "memory stays flat" is typed True, not compared from the two streaming peaks
# fails: the program ends by saying whether memory stays flat and the sketch is within 2%, as measured
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
        while True:
            block = f.read(CHUNK_BYTES)
            if not block:
                break
            for sensor, _, value, status in RECORD.iter_unpack(block):
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
        rest = (h << self.P) & MASK
        rank = 1
        while rank <= 64 - self.P and not (rest & (1 << 63)):
            rank += 1
            rest = (rest << 1) & MASK
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


def peak(work):
    tracemalloc.start()
    result = work()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, top


with tempfile.TemporaryDirectory() as folder:
    small, large = os.path.join(folder, "small.bin"), os.path.join(folder, "large.bin")
    write_readings(small, 30_000)
    write_readings(large, 120_000)
    peaks = {}
    for label, path in (("30,000", small), ("120,000", large)):
        whole, whole_peak = peak(lambda: aggregate_all_at_once(path))
        part, part_peak = peak(lambda: aggregate_streaming(path))
        assert whole == part
        peaks[label] = (whole_peak, part_peak)
        print(f"{label} readings: read() peak {whole_peak} B, streaming peak {part_peak} B")
    flat = True

    log = os.path.join(folder, "access.log")
    write_log(log, 40_000)
    exact_set = set()
    _, set_peak = peak(lambda: scan_log(log, exact_set))
    sketch = HyperLogLog()
    _, sketch_peak = peak(lambda: scan_log(log, sketch))
    exact = len(exact_set)
    guess = sketch.estimate()
    error = abs(guess - exact) / exact
    print("distinct clients, exact:", exact)
    print("distinct clients, HyperLogLog:", round(guess), f"(off by {error:.2%})")
    print("scan peaks: set", set_peak, "B, sketch", sketch_peak, "B")

print("memory stays flat as the input grows, and the sketch is within 2%:", flat and error < 0.02)
