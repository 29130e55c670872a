# correct: written from the task text alone; in_chunks fills a fresh list in a for loop over the generator and hands it on when full; peaks measured by a helper returning a dict; figures in KiB and bytes; a timing line of its own (in_chunks on 100,000 records, perf_counter, best of 3)
import time
import tracemalloc


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
    answer = 0
    batch = []
    for record in generate(n):
        batch.append(record)
        if len(batch) == size:
            answer += process(batch)
            batch = []
    if batch:
        answer += process(batch)
    return answer


def measure(fn, *args):
    tracemalloc.start()
    value = fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"value": value, "peak": peak}


flat = {}
for total in (100_000, 200_000):
    whole = measure(collect_all, total, 1_000)
    pieces = measure(in_chunks, total, 1_000)
    flat[total] = pieces["peak"]
    print(f"{total:,} records: collect_all gives {whole['value']:,} with a peak of {whole['peak'] / 1024:,.1f} KiB; "
          f"in_chunks gives {pieces['value']:,} with a peak of {pieces['peak']:,} bytes")

for size in (100, 1_000, 10_000):
    print(f"chunk size {size:,} on 200,000 records -> peak {measure(in_chunks, 200_000, size)['peak']:,} bytes")

best = float("inf")
for _ in range(3):
    t0 = time.perf_counter()
    in_chunks(100_000, 1_000)
    best = min(best, time.perf_counter() - t0)
print(f"timing: variant fresh-chunks at n=100000, chunk=1000: {best * 1e6:.1f} us per call, best of 3 (tracemalloc off)")
print("chunked peak stays flat when the total doubles:", abs(flat[200_000] - flat[100_000]) <= 0.1 * flat[100_000])
