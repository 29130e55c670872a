# correct: iter(callable, b"") over chunks and unpack_from per record, HyperLogLog counting leading zeros in a loop, 80,000-line log, other wording and " = " before the result
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
    result = {}
    f = open(path, "rb")
    try:
        for block in iter(lambda: f.read(CHUNK_BYTES), b""):
            offset = 0
            while offset < len(block):
                sensor, _stamp, value, status = RECORD.unpack_from(block, offset)
                add_reading(result, sensor, value, status)
                offset += RECORD.size
    finally:
        f.close()
    return result


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
        bits = 64 - self.P
        h = hash64(str(item))
        slot, low = divmod(h, 1 << bits)
        rank = 1
        while rank <= bits and not (low >> (bits - rank)) & 1:
            rank += 1
        self.registers[slot] = max(self.registers[slot], rank)

    def estimate(self):
        total = 0.0
        empty = 0
        for r in self.registers:
            total += 1.0 / (1 << r)
            if r == 0:
                empty += 1
        e = (0.7213 / (1 + 1.079 / self.M)) * self.M ** 2 / total
        if e <= 2.5 * self.M and empty > 0:
            e = self.M * math.log(self.M / empty)
        return e


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


def peak_of(call):
    tracemalloc.start()
    call()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


tmp = tempfile.TemporaryDirectory()
small = os.path.join(tmp.name, "small.dat")
large = os.path.join(tmp.name, "large.dat")
write_readings(small, 30_000)
write_readings(large, 120_000)
results = []
for label, path in (("small", small), ("large", large)):
    a = peak_of(lambda: aggregate_all_at_once(path))
    b = peak_of(lambda: aggregate_streaming(path))
    results.append(b)
    print("%s file: read() peak=%d bytes, chunked peak=%d bytes" % (label, a, b))
stays_flat = abs(results[1] - results[0]) < 0.2 * results[0]

logfile = os.path.join(tmp.name, "log.txt")
write_log(logfile, 80_000)
addresses = set()
hll = HyperLogLog()
set_top = peak_of(lambda: scan_log(logfile, addresses))
hll_top = peak_of(lambda: scan_log(logfile, hll))
guess = hll.estimate()
err = abs(guess - len(addresses)) / len(addresses)
print("exact:", len(addresses))
print("estimate:", round(guess))
print("error: %.3f%%" % (100 * err))
print("peaks: set", set_top, "HyperLogLog", hll_top)
tmp.cleanup()
print("Memory stays flat as the input grows, and the sketch is within 2% =", stays_flat and err < 0.02)
