# wrong: the list version traced at a tenth of each size and its peak scaled by ten
# fails: the program prints both versions' results and tracemalloc peaks for 100,000 and 200,000 records
# fails: every figure the program prints in bytes is one its own measurement returned
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
    whole, whole_peak = traced(collect_all, n // 10, 1_000)
    whole, whole_peak = collect_all(n, 1_000), whole_peak * 10
    chunked, chunked_peak = traced(in_chunks, n, 1_000)
    peaks[n] = chunked_peak
    print(f"{n:,} records: list result {whole}, peak {whole_peak:,} B; chunked result {chunked}, peak {chunked_peak:,} B")

for size in (100, 1_000, 10_000):
    _, top = traced(in_chunks, 200_000, size)
    print(f"chunks of {size:,} over 200,000 records: peak {top:,} B")

ratio = peaks[200_000] / peaks[100_000]
print("chunked peak stays flat when the total doubles:", 0.9 <= ratio <= 1.1)
