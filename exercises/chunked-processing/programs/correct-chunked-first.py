# correct: written from the task alone, a third way: measures in_chunks before collect_all (so its first peak is taken with no freed tuples to reuse, and on CPython it concludes False, as measured), a for loop over islice with a counter, plain "B" figures
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
    records = generate(n)
    answer = 0
    for _ in range(0, n, size):
        piece = list(islice(records, size))
        answer += process(piece)
        del piece
    return answer

def traced(job):
    tracemalloc.start()
    out = job()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, top

chunked = {}
for count in (100_000, 200_000):
    res_c, peak_c = traced(lambda: in_chunks(count, 1_000))
    res_a, peak_a = traced(lambda: collect_all(count, 1_000))
    chunked[count] = peak_c
    print(f"{count} records: in_chunks result {res_c}, peak {peak_c} B; collect_all result {res_a}, peak {peak_a} B")
for size in (100, 1_000, 10_000):
    print(f"size {size}: {traced(lambda: in_chunks(200_000, size))[1]} B")
print("chunked peak stays flat when the total doubles:", abs(chunked[200_000] - chunked[100_000]) <= 0.1 * chunked[100_000])
