# wrong: measures collect_all on a tenth of the records and prints ten times that peak as the peak of 100,000 and 200,000
# fails: the program prints both versions' results and tracemalloc peaks for 100,000 and 200,000 records
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
    result = 0
    while True:
        chunk = list(islice(stream, size))
        if not chunk:
            break
        result += process(chunk)
        del chunk
    return result

def measure(fn, *args):
    tracemalloc.start()
    value = fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return value, peak

chunked_peaks = {}
for n in (100_000, 200_000):
    everything, _ = measure(collect_all, n, 1_000)
    _, all_peak = measure(collect_all, n // 10, 1_000)  # a tenth of the records measured ...
    all_peak *= 10  # ... and scaled up
    chunked, chunk_peak = measure(in_chunks, n, 1_000)
    chunked_peaks[n] = chunk_peak
    print(f"n={n}: collect_all -> {everything} (peak {all_peak} B), in_chunks -> {chunked} (peak {chunk_peak} B)")

for size in (100, 1_000, 10_000):
    _, peak = measure(in_chunks, 200_000, size)
    print(f"chunk size {size}: peak {peak} B")

flat = abs(chunked_peaks[200_000] - chunked_peaks[100_000]) <= 0.1 * chunked_peaks[100_000]
print(f"chunked peak stays flat when the total doubles: {flat}")
