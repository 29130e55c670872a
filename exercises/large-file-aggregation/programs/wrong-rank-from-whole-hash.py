# wrong: HyperLogLog.add takes the rank from the leading zeros of the whole 64-bit hash, index bits included, not of the remaining 50 bits, so ranks are tied to the register (fine only while linear counting hides it; 50,000 addresses come out badly wrong)
# fails: `HyperLogLog` estimates 1,000, 50,000 and a drawn 200,000 to 300,000 distinct addresses within 5%, and ignores repeats
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
        while chunk := f.read(CHUNK_BYTES):
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
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")

class HyperLogLog:
    P = 14
    M = 1 << P

    def __init__(self):
        self.registers = bytearray(self.M)

    def add(self, item):
        h = hash64(item)
        index = h >> (64 - self.P)
        rank = 64 - h.bit_length() + 1
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
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

with tempfile.TemporaryDirectory() as tmp:
    rows = []
    for n in (30_000, 120_000):
        path = os.path.join(tmp, f"readings-{n}.bin")
        write_readings(path, n)
        whole, whole_peak = peak_of(aggregate_all_at_once, path)
        streamed, stream_peak = peak_of(aggregate_streaming, path)
        assert streamed == whole
        rows.append((n, whole_peak, stream_peak))
        print(f"{n:>7,} readings ({os.path.getsize(path):,} bytes): read() peak {whole_peak:,} B, streaming peak {stream_peak:,} B")
    flat = rows[1][2] <= rows[0][2] * 1.10

    log = os.path.join(tmp, "access.log")
    write_log(log, 40_000)
    exact_set = set()
    _, set_peak = peak_of(scan_log, log, exact_set)
    sketch = HyperLogLog()
    _, hll_peak = peak_of(scan_log, log, sketch)

exact, estimate = len(exact_set), sketch.estimate()
error = abs(estimate - exact) / exact
print(f"distinct clients: exact {exact:,}, HyperLogLog {estimate:,.0f}, error {error:.2%}")
print(f"scan peak with a set: {set_peak:,} B ({set_peak / exact:.0f} B per address); with the sketch: {hll_peak:,} B")
print(f"memory stays flat as the input grows, and the sketch is within 2%: {flat and error <= 0.02}")
