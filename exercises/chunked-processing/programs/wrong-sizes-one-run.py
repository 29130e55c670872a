# wrong: step 3 traces only the 1,000 chunk size and prints that peak for all three sizes
# fails: the program prints the chunked peak for chunk sizes 100, 1,000 and 10,000
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
    result = 0
    buffer = []
    for record in generate(n):
        buffer.append(record)
        if len(buffer) == size:
            result += process(buffer)
            buffer.clear()
    if buffer:
        result += process(buffer)
    return result

def traced(fn, *args):
    tracemalloc.start()
    value = fn(*args)
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return value, top

peaks = {}
for n in (100_000, 200_000):
    whole, whole_peak = traced(collect_all, n, 1_000)
    chunked, chunked_peak = traced(in_chunks, n, 1_000)
    peaks[n] = chunked_peak
    print(f"{n:,} records: list result {whole}, peak {whole_peak:,} B; chunked result {chunked}, peak {chunked_peak:,} B")

_, top = traced(in_chunks, 200_000, 1_000)
for size in (100, 1_000, 10_000):
    print(f"chunks of {size:,} over 200,000 records: peak {top:,} B")

ratio = peaks[200_000] / peaks[100_000]
print("chunked peak stays flat when the total doubles:", 0.9 <= ratio <= 1.1)
