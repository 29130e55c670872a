# correct: held-out round 12 (tester A): results and peaks as one table, the peaks under a heading "peak KiB"
import tracemalloc
from itertools import islice

def generate(n):
    for i in range(n):
        yield (i, i % 16, 1500 + (i * 37) % 1000)

def process(chunk):
    total = 0
    largest = 0
    for _, _, reading in chunk:
        total += reading
        largest = max(largest, reading)
    return total + largest

def collect_all(n, size):
    records = list(generate(n))
    return sum(process(records[start:start + size]) for start in range(0, n, size))

def in_chunks(n, size):
    stream = generate(n)
    grand = 0
    while True:
        batch = list(islice(stream, size))
        if not batch:
            break
        grand += process(batch)
        del batch
    return grand

class Traced:
    """Context manager that records the tracemalloc peak of its block."""
    def __enter__(self):
        tracemalloc.start()
        return self
    def __exit__(self, *exc):
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

def measure(func, *args):
    with Traced() as t:
        value = func(*args)
    return value, t.peak

table = {}
for total in (100_000, 200_000):
    for label, func in (("whole list", collect_all), ("chunked", in_chunks)):
        table[(total, label)] = measure(func, total, 1_000)

print(f"{'records':>8} {'version':<11} {'result':>13} {'peak KiB':>10}")
for (total, label), (value, peak) in table.items():
    print(f"{total:>8} {label:<11} {value:>13} {peak / 1024:>10.1f}")

print("chunk sizes for 200,000 records:")
for size in (100, 1_000, 10_000):
    _, peak = measure(in_chunks, 200_000, size)
    print(f"  chunk of {size:>6}: chunked peak {peak} bytes")

small = table[(100_000, "chunked")][1]
big = table[(200_000, "chunked")][1]
print("chunked peak stays flat when the total doubles:", abs(big - small) <= 0.10 * small)
