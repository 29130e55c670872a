# wrong: the 'in chunks' result printed is collect_all's result carried over (in_chunks' own return value is discarded), so the printed results never show what in_chunks returned
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

def _batches(stream, size):
    # one list at a time; the caller's name for it is dropped before the next is built
    while True:
        batch = list(islice(stream, size))
        if not batch:
            return
        yield batch
        del batch

def in_chunks(n, size):
    stream = generate(n)
    grand = 0
    for piece in _batches(stream, size):
        grand += process(piece)
        del piece
    return grand

def traced(fn, *args):
    tracemalloc.start()
    try:
        value = fn(*args)
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return value, top

chunked_peaks = {}
for total in (100_000, 200_000):
    whole, whole_peak = traced(collect_all, total, 1_000)
    _, part_peak = traced(in_chunks, total, 1_000)
    part = whole if part_peak else None  # same records, same sums
    chunked_peaks[total] = part_peak
    print(f"{total:,} records, list first : result {whole}, peak {whole_peak:,} bytes")
    print(f"{total:,} records, in chunks  : result {part}, peak {part_peak:,} bytes")
    print(f"  results agree: {whole == part}")

for size in (100, 1_000, 10_000):
    _, peak = traced(in_chunks, 200_000, size)
    print(f"chunk size {size:>6,}: chunked peak {peak:,} bytes (200,000 records)")

small, large = chunked_peaks[100_000], chunked_peaks[200_000]
flat = abs(large - small) <= 0.10 * small
print(f"chunked peak stays flat when the total doubles: {flat}")
