# wrong: half the task: in_chunks and the conclusion, measured, but no results and no peaks printed, no chunk-size comparison
# fails: the program prints both versions' results and tracemalloc peaks for 100,000 and 200,000 records
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
    stream = generate(n)
    result = 0
    while True:
        chunk = list(islice(stream, size))
        if not chunk:
            break
        result += process(chunk)
        del chunk
    return result

def peak(fn, *args):
    tracemalloc.start()
    fn(*args)
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top

small, large = peak(in_chunks, 100_000, 1_000), peak(in_chunks, 200_000, 1_000)
print(f"chunked peak stays flat when the total doubles: {abs(large - small) <= small / 10}")
