# wrong: the HyperLogLog that scanned the log is thrown away; the estimate printed comes from a second sketch fed the exact set's addresses, so the sketch's answer needs the exact set it is meant to replace
# fails: the program prints the exact count, the estimate, its error and the peaks of both scans of the log
import collections, hashlib, math, os, struct, tempfile, tracemalloc

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
    TAIL = 64 - P
    WEIGHT = [2.0 ** -r for r in range(TAIL + 2)]

    def __init__(self):
        self.registers = bytearray(self.M)

    def add(self, item):
        h = hash64(item)
        slot, rest = h >> self.TAIL, h & ((1 << self.TAIL) - 1)
        rank = self.TAIL - rest.bit_length() + 1
        if rank > self.registers[slot]:
            self.registers[slot] = rank

    def estimate(self):
        m, empty = self.M, self.registers.count(0)
        raw = 0.7213 / (1 + 1.079 / m) * m * m / sum(self.WEIGHT[r] for r in self.registers)
        return m * math.log(m / empty) if raw <= 2.5 * m and empty else raw

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

def scan_with(path, kind):
    scan_log(path, distinct := kind())
    return distinct

def peak_of(func, *args):
    tracemalloc.start()
    result = func(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


with tempfile.TemporaryDirectory() as tmp:
    streaming = []
    for n in (30_000, 120_000):
        path = os.path.join(tmp, f"readings-{n}.bin")
        write_readings(path, n)
        whole, whole_peak = peak_of(aggregate_all_at_once, path)
        chunked, chunk_peak = peak_of(aggregate_streaming, path)
        assert whole == chunked, "streaming totals differ"
        streaming.append(chunk_peak)
        print(f"{n:>7,} readings ({os.path.getsize(path):,} bytes on disk): "
              f"read() peak {whole_peak:,} B, streaming peak {chunk_peak:,} B")
    log = os.path.join(tmp, "access.log")
    write_log(log, 40_000)
    exact, set_peak = peak_of(scan_with, log, set)
    _, hll_peak = peak_of(scan_with, log, HyperLogLog)

sketch = HyperLogLog()
for address in exact:
    sketch.add(address)
count, guess = len(exact), sketch.estimate()
error = (guess - count) / count
print(f"distinct clients: exact {count:,}, HyperLogLog {guess:,.0f}, error {error:+.2%}")
print(f"scan peak with a set {set_peak:,} B, with the sketch {hll_peak:,} B")
flat = streaming[1] <= 1.1 * streaming[0]
print("memory stays flat as the input grows, and the sketch is within 2%:",
      flat and abs(error) <= 0.02)
