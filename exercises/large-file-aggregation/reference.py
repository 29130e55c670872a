"""Heapwise reference program for large-file-aggregation (L-fit §7, L-fit level 3).

Part 1: sensor readings, 15 bytes each, in a binary file. Aggregating them
after read() holds the whole file; reading fixed-size chunks holds one chunk,
however long the file is.

Part 2, the design challenge in small: an access log, scanned line by line
for the number of distinct client addresses, the busiest URLs and the
busiest second. The exact set of addresses grows with every new client; a
HyperLogLog sketch estimates the same count in a fixed array of registers.
"""
import collections
import hashlib
import math
import os
import platform
import struct
import sys
import tempfile
import tracemalloc

# sensor id, timestamp, value, status: 2 + 4 + 8 + 1 = 15 bytes, no padding
RECORD = struct.Struct("<HIdB")
CHUNK_RECORDS = 4096
CHUNK_BYTES = struct.calcsize(RECORD.format) * CHUNK_RECORDS
SENSORS = 64
SMALL, LARGE = 30_000, 120_000  # readings in the two files
LOG_LINES = 40_000
MASK = (1 << 64) - 1


def mix(x):
    """A 64-bit scrambler (splitmix64's finaliser): the same input always
    gives the same output, so the made-up data is the same on every run."""
    x = (x + 0x9E3779B97F4A7C15) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    return x ^ (x >> 31)


def reading(i):
    """Reading number i: (sensor, timestamp, value in quarter degrees, status)."""
    r = mix(i)
    status = 1 if (r >> 20) % 50 == 0 else 0  # about one reading in 50 is faulty
    return r % SENSORS, 1_700_000_000 + i // 10, 10 + ((r >> 8) % 160) / 4, status


def write_readings(path, n):
    with open(path, "wb") as f:
        for start in range(0, n, CHUNK_RECORDS):
            stop = min(start + CHUNK_RECORDS, n)
            f.write(b"".join(RECORD.pack(*reading(i)) for i in range(start, stop)))


def add_reading(totals, sensor, value, status):
    """Per sensor: [readings, sum, lowest, highest]; faulty readings are skipped."""
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
    """The naive way: read() the whole file, then unpack it."""
    totals = {}
    with open(path, "rb") as f:
        data = f.read()
    for sensor, _, value, status in RECORD.iter_unpack(data):
        add_reading(totals, sensor, value, status)
    return totals


def aggregate_streaming(path):
    """One chunk of whole records at a time: the memory held is one chunk
    and the table of 64 sensors, whatever the size of the file."""
    totals = {}
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK_BYTES):
            for sensor, _, value, status in RECORD.iter_unpack(chunk):
                add_reading(totals, sensor, value, status)
    return totals


def client_address(client):
    spread = client * 2654435761 % (1 << 24)  # a different address per client
    return f"10.{spread >> 16}.{(spread >> 8) & 255}.{spread & 255}"


def write_log(path, lines):
    """Lines like '10.7.41.3 1700000012 GET /item/17 200': a quarter as many
    clients as lines, popular URLs asked for more often, about 32 a second."""
    clients, second = lines // 4, 1_700_000_000
    with open(path, "w") as f:
        for i in range(lines):
            r = mix(i + (1 << 40))
            if (r >> 56) % 32 == 0:
                second += 1
            item = min((r >> 24) % 500, (r >> 40) % 500)
            f.write(f"{client_address(r % clients)} {second} GET /item/{item} 200\n")


def hash64(text):
    """A 64-bit hash that is the same in every process (unlike hash(str))."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


class HyperLogLog:
    """Estimates how many distinct items were added, in 2**14 registers.

    The first 14 bits of an item's hash pick a register; the register keeps
    the longest run of leading zero bits (plus one) seen in the other 50.
    Many distinct items make long runs likely, so the registers together
    say how many there were. Adding an item twice changes nothing."""

    P = 14
    M = 1 << P

    def __init__(self):
        self.registers = bytearray(self.M)  # one byte each; 6 bits would do

    def add(self, item):
        h = hash64(item)
        index, rest = h >> (64 - self.P), h & ((1 << (64 - self.P)) - 1)
        rank = (64 - self.P) - rest.bit_length() + 1
        if rank > self.registers[index]:
            self.registers[index] = rank

    def estimate(self):
        m = self.M
        raw = 0.7213 / (1 + 1.079 / m) * m * m / sum(2.0 ** -r for r in self.registers)
        empty = self.registers.count(0)
        if raw <= 2.5 * m and empty:
            return round(m * math.log(m / empty))  # few items: count the empty registers
        return round(raw)


def scan_log(path, distinct):
    """One pass over the log; `distinct` is a set or a HyperLogLog."""
    add = distinct.add
    urls = collections.Counter()
    current, in_current, busiest = None, 0, 0
    with open(path) as f:
        for line in f:  # the file object reads ahead in a small fixed buffer
            address, second, _, url, _ = line.split(" ")
            add(address)
            urls[url] += 1
            if second != current:
                current, in_current = second, 0
            in_current += 1
            busiest = max(busiest, in_current)
    return urls.most_common(3), busiest


def traced(function):
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")
print(f"one reading: {RECORD.size} bytes ({RECORD.format}); chunks of {CHUNK_RECORDS:,} readings, "
      f"{CHUNK_BYTES:,} bytes")

with tempfile.TemporaryDirectory() as folder:
    peaks = {}
    for n in (SMALL, LARGE):
        path = os.path.join(folder, f"readings-{n}.bin")
        write_readings(path, n)
        whole, whole_peak = traced(lambda: aggregate_all_at_once(path))
        streamed, streamed_peak = traced(lambda: aggregate_streaming(path))
        peaks[n] = (whole_peak, streamed_peak)
        print(f"{n:,} readings, a {os.path.getsize(path):,}-byte file: read() peak {whole_peak:,} bytes, "
              f"streaming peak {streamed_peak:,} bytes, same totals: {whole == streamed}")
    count, total, lowest, highest = streamed[0]
    print(f"sensor 0: {count:,} good readings, mean {total / count:.2f}, from {lowest} to {highest}")
    grows = peaks[LARGE][1] >= 4 * peaks[SMALL][1]
    print(f"streaming four times as many readings takes four times the peak memory: {grows}")

    log = os.path.join(folder, "access.log")
    write_log(log, LOG_LINES)
    print(f"access log: {LOG_LINES:,} lines, {os.path.getsize(log):,} bytes")
    addresses = set()
    (top, busiest), exact_peak = traced(lambda: scan_log(log, addresses))
    sketch = HyperLogLog()
    (top_again, busiest_again), sketch_peak = traced(lambda: scan_log(log, sketch))
    exact, estimate = len(addresses), sketch.estimate()
    error = (estimate - exact) / exact
    print(f"busiest URLs: {', '.join(f'{url} ({n:,})' for url, n in top)}")
    print(f"most requests in one second: {busiest}")
    print(f"exact set: {exact:,} distinct addresses, scan peak {exact_peak:,} bytes")
    print(f"HyperLogLog: about {estimate:,} distinct addresses ({error:+.2%}), scan peak {sketch_peak:,} bytes, "
          f"registers {sys.getsizeof(sketch.registers):,} bytes")
    print(f"the sketch reports the exact number of distinct addresses: {estimate == exact}")
    per_address = exact_peak / exact
    print(f"the exact set costs about {per_address:.0f} bytes per distinct address; at that rate 8 GB "
          f"holds at most {8 * 10**9 / per_address / 1e6:.0f} million addresses")
    # The registers (each under 64) packed 6 bits each, four in three bytes.
    registers, six_bits = sketch.registers, bytearray()
    for i in range(0, len(registers), 4):
        a, b, c, d = registers[i:i + 4]
        six_bits += (a << 18 | b << 12 | c << 6 | d).to_bytes(3, "big")
    packed = len(six_bits)
    print(f"registers packed at 6 bits each would take {packed:,} bytes, whatever the count")

    # Timing, untraced: both files the optimized way (the smaller readings
    # file keeps five runs short), for the page to set beside the Rust variant
    # that streams readings and log lines the same way. It uses timeit with
    # the step as a string, compiled only now: one more function or lambda
    # anywhere in this file, even one never called, moves the streaming peak
    # printed above (on CPython 3.11.7, from 142,078 to 141,966 bytes).
    # timeit turns the cyclic collector off while it times; the setup turns
    # it back on, as it is while the program runs.
    import timeit

    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    small_file = os.path.join(folder, f"readings-{SMALL}.bin")
    step = "aggregate_streaming(small_file); scan_log(log, HyperLogLog())"
    us = min(timeit.repeat(step, setup="import gc; gc.enable()", repeat=5, number=1, globals=globals())) * 1e6
    print(f"timing: variant optimized at readings={SMALL}, lines={LOG_LINES}: {us:.1f} us per call, "
          f"best of 5 (tracemalloc off)")

flat = peaks[LARGE][1] < 1.1 * peaks[SMALL][1] and top == top_again and busiest == busiest_again
print(f"memory stays flat as the input grows, and the sketch is within 2%: {flat and abs(error) < 0.02}")
