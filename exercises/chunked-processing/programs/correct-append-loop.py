# correct: written from the task alone, differently: in_chunks fills a list by append and starts a new one when it is full (no islice), peaks read with reset_peak in one tracemalloc session, figures in KiB with separators, a table for the chunk sizes, "=" in the last line
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
    acc = 0
    batch = []
    for record in generate(n):
        batch.append(record)
        if len(batch) == size:
            acc += process(batch)
            batch = []
    if batch:
        acc += process(batch)
    return acc

tracemalloc.start()

def peak_of(job):
    tracemalloc.clear_traces()
    tracemalloc.reset_peak()
    result = job()
    return result, tracemalloc.get_traced_memory()[1]

peaks = []
for total in [100_000, 200_000]:
    r1, p1 = peak_of(lambda: collect_all(total, 1_000))
    r2, p2 = peak_of(lambda: in_chunks(total, 1_000))
    peaks.append(p2)
    print(f"{total:,} records")
    print(f"  whole list: result {r1:,}, peak {p1 / 1024:,.1f} KiB")
    print(f"  in chunks:  result {r2:,}, peak {p2 / 1024:,.1f} KiB")

print("chunk size | peak for 200,000 records")
for size in [100, 1_000, 10_000]:
    print(f"{size:>10,} | {peak_of(lambda: in_chunks(200_000, size))[1] / 1024:,.1f} KiB")
tracemalloc.stop()

print("Chunked peak stays flat when the total doubles =", abs(peaks[1] - peaks[0]) <= peaks[0] / 10)
