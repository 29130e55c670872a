# wrong: measured after gc.collect(), both chunked peaks the same, but the flatness test is turned round (more than 10% apart), so the last line says False against its own peaks
# fails: the program ends with `chunked peak stays flat when the total doubles:` and what its own peaks show
import gc
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
        block = list(islice(stream, size))
        if not block:
            break
        grand += process(block)
        del block
    return grand


def measure(func, *args):
    gc.collect()
    tracemalloc.start()
    try:
        result = func(*args)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


flat = {}
for total in (100_000, 200_000):
    whole_res, whole_peak = measure(collect_all, total, 1_000)
    chunk_res, chunk_peak = measure(in_chunks, total, 1_000)
    flat[total] = chunk_peak
    print(f"{total:,} records: whole list -> result {whole_res}, peak {whole_peak:,} B; "
          f"chunks of 1,000 -> result {chunk_res}, peak {chunk_peak:,} B")

print("200,000 records by chunk size:")
for size in (100, 1_000, 10_000):
    _, p = measure(in_chunks, 200_000, size)
    print(f"  chunk {size:>6,}: peak {p:,} B")

stays_flat = abs(flat[200_000] - flat[100_000]) > 0.10 * flat[100_000]
print("chunked peak stays flat when the total doubles:", stays_flat)
