# wrong: collect_all is never traced: its result comes from an untraced call and the "collect_all peak" is traced on list(generate(n)) alone, a different piece of work than the version the task says to measure
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
    source = generate(n)
    running = 0
    while True:
        piece = list(islice(source, size))
        if not piece:
            return running
        running += process(piece)
        del piece

def measure(job, *args):
    tracemalloc.start()
    answer = job(*args)
    _, high = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return answer, high

def whole_list_version(n, size):
    answer = collect_all(n, size)
    # the full list is where collect_all's memory goes, so trace just that
    _, high = measure(lambda: list(generate(n)))
    return answer, high

flat_check = {}
for n in (100_000, 200_000):
    full_answer, full_high = whole_list_version(n, 1_000)
    part_answer, part_high = measure(in_chunks, n, 1_000)
    flat_check[n] = part_high
    print(f"{n:,} records: collect_all = {full_answer:,} (peak {full_high:,} bytes)")
    print(f"{n:,} records: in_chunks   = {part_answer:,} (peak {part_high:,} bytes)")

print("chunk sizes at 200,000 records:")
for size in (100, 1_000, 10_000):
    print(f"  {size:,}: peak {measure(in_chunks, 200_000, size)[1]:,} bytes")

ok = abs(flat_check[200_000] - flat_check[100_000]) <= 0.1 * flat_check[100_000]
print(f"chunked peak stays flat when the total doubles: {ok}")
