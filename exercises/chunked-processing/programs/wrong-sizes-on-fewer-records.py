# wrong: step 3's chunk-size comparison runs on 100,000 records instead of the 200,000 the task names.
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
    source = generate(n)
    acc = 0
    while True:
        chunk = list(islice(source, size))
        if not chunk:
            return acc
        acc += process(chunk)
        del chunk

def measure(fn, n, size):
    tracemalloc.clear_traces()
    tracemalloc.reset_peak()
    res = fn(n, size)
    return res, tracemalloc.get_traced_memory()[1]

tracemalloc.start()
COUNTS = (100_000, 200_000)
peaks = {}
for count in COUNTS:
    r_all, p_all = measure(collect_all, count, 1_000)
    r_chunk, p_chunk = measure(in_chunks, count, 1_000)
    peaks[count] = p_chunk
    print(f"{count:>7} records | collect_all {r_all} peak {p_all:>9} B | "
          f"in_chunks {r_chunk} peak {p_chunk:>7} B | equal: {r_all == r_chunk}")

print("chunk size -> chunked peak")
for size in (100, 1_000, 10_000):
    _, p = measure(in_chunks, COUNTS[0], size)
    print(f"{size:>10} -> {p} B ({p / 1024:.1f} KiB)")
tracemalloc.stop()

print("chunked peak stays flat when the total doubles:",
      abs(peaks[200_000] - peaks[100_000]) <= 0.1 * peaks[100_000])
