# wrong: held-out round 8: the log has 8,000 lines where the task asks for 10,000 or more
# fails: the program prints the exact count, the estimate, its error and the peaks of both scans of the log
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
            chunk = f.read(CHUNK_BYTES)
            if not chunk:
                break
            for sensor, _, value, status in RECORD.iter_unpack(chunk):
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
        bits = 64 - self.P
        index = h >> bits
        rest = h & ((1 << bits) - 1)
        rank = bits - rest.bit_length() + 1
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


def peak_of(fn, *args):
    tracemalloc.start()
    try:
        result = fn(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


with tempfile.TemporaryDirectory() as tmp:
    peaks = {}
    for count in (30_000, 120_000):
        path = os.path.join(tmp, f"readings-{count}.bin")
        write_readings(path, count)
        whole, whole_peak = peak_of(aggregate_all_at_once, path)
        streamed, stream_peak = peak_of(aggregate_streaming, path)
        assert whole == streamed, "streaming result differs"
        peaks[count] = (whole_peak, stream_peak)
        print(f"{count:>7} readings: read() peak {whole_peak:>10,} B, streaming peak {stream_peak:>8,} B")

    small_stream, big_stream = peaks[30_000][1], peaks[120_000][1]
    flat = big_stream <= small_stream * 1.10

    log_path = os.path.join(tmp, "access.log")
    write_log(log_path, 8_000)
    exact_set = set()
    (top_set, busy_set), set_peak = peak_of(scan_log, log_path, exact_set)
    sketch = HyperLogLog()
    (top_hll, busy_hll), hll_peak = peak_of(scan_log, log_path, sketch)
    exact = len(exact_set)
    guess = sketch.estimate()
    error = abs(guess - exact) / exact
    print(f"distinct clients: exact {exact}, HyperLogLog estimate {guess:.0f}, error {error:.2%}")
    print(f"scan peak with a set: {set_peak:,} B; with the sketch: {hll_peak:,} B")
    print(f"top urls {top_set}, busiest second {busy_set} lines")

print(f"memory stays flat as the input grows, and the sketch is within 2%: {flat and error <= 0.02}")
