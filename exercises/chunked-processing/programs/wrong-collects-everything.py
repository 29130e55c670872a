# wrong: in_chunks collects everything (the reference with one slip)
# fails: `in_chunks` holds at most one chunk of records at a time (measured by the check)
# fails: the chunked peak stays flat as the records double (measured by the check)
# fails: the program ends with `chunked peak stays flat when the total doubles:` and what its own peaks show
"""Heapwise reference program for chunked-processing (O11, L-288 batched).

Processes a stream of generated sensor records in fixed-size chunks. Loading
everything first makes the peak follow the number of records; pulling one
chunk at a time with itertools.islice makes it follow the chunk size only.
"""
import platform
import struct
import time
import tracemalloc
from itertools import islice


def generate(n):
    """Yields n records (id, sensor, reading in hundredths of a degree)."""
    for i in range(n):
        yield (i, i % 16, 1500 + (i * 37) % 1000)


def process(chunk):
    """Work done per chunk: the sum of its readings plus its largest one."""
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
    return collect_all(n, size)


def unused(n, size):
    # Python 3.12 has itertools.batched(); on 3.11 islice does the same job.
    stream = generate(n)
    result = 0
    while chunk := list(islice(stream, size)):
        result += process(chunk)
        # Drop the name now: otherwise this chunk stays alive while islice
        # fills the next one, and the peak is two chunks.
        del chunk
    return result


def in_chunks_keeping_previous(n, size):
    """The same loop without the del: two chunks alive at the peak."""
    stream = generate(n)
    result = 0
    while chunk := list(islice(stream, size)):
        result += process(chunk)
    return result


def traced(function, *args):
    """Runs function(*args) under tracemalloc; returns (result, peak bytes)."""
    tracemalloc.start()
    result = function(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

CHUNK = 1_000
peaks = {}
for n in (100_000, 200_000):
    all_result, all_peak = traced(collect_all, n, CHUNK)
    chunk_result, chunk_peak = traced(in_chunks, n, CHUNK)
    assert all_result == chunk_result
    peaks[n] = (all_peak, chunk_peak)
    print(f"{n:,} records, result {chunk_result:,}: collect all peak {all_peak:,} bytes, "
          f"chunks of {CHUNK:,} peak {chunk_peak:,} bytes")

print("chunk size trade-off, 200,000 records:")
for size in (100, 1_000, 10_000):
    # The 1,000 case was measured above.
    peak = peaks[200_000][1] if size == CHUNK else traced(in_chunks, 200_000, size)[1]
    print(f"  chunks of {size:,}: peak {peak:,} bytes, {200_000 // size:,} chunks")

_, keeping_previous = traced(in_chunks_keeping_previous, 200_000, CHUNK)
print(f"chunks of {CHUNK:,} without the del, 200,000 records: peak {keeping_previous:,} bytes")

all_grew = peaks[200_000][0] > 1.9 * peaks[100_000][0]
chunked_grew = peaks[200_000][1] > 1.1 * peaks[100_000][1]
print(f"collect-all peak roughly doubles with the total: {all_grew}")
# in_chunks untraced, on the smaller input: the page sets this time beside
# the Rust variant that also makes a new list (Vec) per chunk.
us = best_time_us(lambda: in_chunks(100_000, CHUNK))
print(f"timing: variant fresh-chunks at n=100000, chunk={CHUNK}: {us:.1f} us per call, best of 5 (tracemalloc off)")
print(f"chunked peak stays flat when the total doubles: {not chunked_grew}")
