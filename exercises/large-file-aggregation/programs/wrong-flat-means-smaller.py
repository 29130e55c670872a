# wrong: "memory stays flat" is judged as "the streaming peak is below the read() peak" on the big file, not by comparing the streaming peaks of the two file sizes
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
        entry[0] += 1; entry[1] += value
        entry[2] = min(entry[2], value); entry[3] = max(entry[3], value)

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
            if not chunk:  # end of file
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
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")

class HyperLogLog:
    P, M = 14, 1 << 14

    def __init__(self):
        self.registers = bytearray(self.M)

    def add(self, item):
        h = hash64(item)
        slot = h >> (64 - self.P)
        rest = h & ((1 << (64 - self.P)) - 1)
        rank = (64 - self.P) - rest.bit_length() + 1
        if rank > self.registers[slot]:
            self.registers[slot] = rank

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

def traced_peak(work):
    tracemalloc.start()
    floor = tracemalloc.get_traced_memory()[0]
    result = work()
    peak = tracemalloc.get_traced_memory()[1] - floor
    tracemalloc.stop(); return result, peak

with tempfile.TemporaryDirectory() as tmp:
    print(f"one reading is {RECORD.size} bytes on disk")
    streaming, whole_peaks = {}, {}
    for count in (30_000, 120_000):
        path = os.path.join(tmp, f"readings-{count}.bin")
        write_readings(path, count)
        whole, whole_peak = traced_peak(lambda: aggregate_all_at_once(path))
        chunked, chunked_peak = traced_peak(lambda: aggregate_streaming(path))
        assert chunked == whole, "streaming totals differ"
        streaming[count], whole_peaks[count] = chunked_peak, whole_peak
        print(f"{count:>7,} readings: read() peak {whole_peak:>10,} B, "
              f"streaming peak {chunked_peak:>8,} B")
    flat = streaming[120_000] < whole_peaks[120_000]

    log_path = os.path.join(tmp, "access.log")
    write_log(log_path, 20_000)
    exact_set = set()
    _, set_peak = traced_peak(lambda: scan_log(log_path, exact_set))
    sketch = HyperLogLog()
    _, hll_peak = traced_peak(lambda: scan_log(log_path, sketch))

exact = len(exact_set)
guess = sketch.estimate()
error = abs(guess - exact) / exact
print(f"distinct clients: exact {exact:,}, HyperLogLog {guess:,.1f}, error {error:.2%}")
print(f"scan peak with a set: {set_peak:,} B ({set_peak / exact:.0f} B per address); "
      f"with the sketch: {hll_peak:,} B")
print("memory stays flat as the input grows, and the sketch is within 2%:",
      flat and error < 0.02)
