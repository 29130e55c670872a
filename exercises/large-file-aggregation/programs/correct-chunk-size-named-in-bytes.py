# correct: written from the task and the page's list of checks (round 22): CHUNK_BYTES printed as "61,440 bytes", the size the task gives
# reading: "memory stays flat as the input grows" is read as: the streaming
# aggregator's traced peak on the 120,000-reading file is within 10% of its
# peak on the 30,000-reading file. "within 2%" is |estimate - exact| / exact
# <= 0.02. Every peak is traced on its own (start, call, read peak, stop).
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
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(CHUNK_BYTES), b""):
            for sensor, _ts, value, status in RECORD.iter_unpack(block):
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
    _REST_BITS = 64 - P
    _REST_MASK = (1 << (64 - P)) - 1

    def __init__(self):
        self.registers = bytearray(self.M)

    def add(self, item):
        h = hash64(item)
        index = h >> self._REST_BITS
        rest = h & self._REST_MASK
        rank = self._REST_BITS - rest.bit_length() + 1
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


def traced(fn, *args):
    tracemalloc.start()
    try:
        out = fn(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return out, peak


SIZES = (30_000, 120_000)
LOG_LINES = 40_000

with tempfile.TemporaryDirectory() as tmp:
    print(f"one reading is {RECORD.size} bytes; a chunk is {CHUNK_BYTES:,} bytes")
    peaks = {}
    for n in SIZES:
        path = os.path.join(tmp, f"readings-{n}.bin")
        write_readings(path, n)
        whole, peaks["all-at-once", n] = traced(aggregate_all_at_once, path)
        streamed, peaks["streaming", n] = traced(aggregate_streaming, path)
        assert whole == streamed, "streaming totals differ"
        print(f"{n:>8,} readings ({os.path.getsize(path):,} bytes on disk): "
              f"same per-sensor totals: {whole == streamed}")

    print(f"\n{'function':<14}" + "".join(f"{f'{n:,} readings':>20}" for n in SIZES))
    for fn_name in ("all-at-once", "streaming"):
        cells = "".join(f"{peaks[fn_name, n]:>14,} bytes" for n in SIZES)
        print(f"{fn_name:<14}{cells}")
    small, large = (peaks["streaming", n] for n in SIZES)
    flat = large <= small * 1.10
    print(f"streaming peak grew by {large - small:+,} bytes as the file grew fourfold")

    log_path = os.path.join(tmp, "access.log")
    write_log(log_path, LOG_LINES)
    exact_set = set()
    (top_set, busiest_set), set_peak = traced(scan_log, log_path, exact_set)
    sketch = HyperLogLog()
    (top_hll, busiest_hll), hll_peak = traced(scan_log, log_path, sketch)

exact = len(exact_set)
estimate = sketch.estimate()
error = (estimate - exact) / exact
print(f"\naccess log: {LOG_LINES:,} lines")
print(f"  exact distinct clients (set): {exact:,}")
print(f"  HyperLogLog estimate:         {estimate:,.1f}  (error {error:+.3%})")
print(f"  traced peak, set scan:        {set_peak:,} bytes ({set_peak / 1024:,.1f} KiB)")
print(f"  traced peak, sketch scan:     {hll_peak:,} bytes ({hll_peak / 1024:,.1f} KiB)")
print(f"  set peak per distinct address: {set_peak / exact:,.1f} bytes")
print(f"  busiest second: {busiest_set} / {busiest_hll} requests; top urls agree: {top_set == top_hll}")

within = abs(error) <= 0.02
print(f"memory stays flat as the input grows, and the sketch is within 2%: {flat and within}")
