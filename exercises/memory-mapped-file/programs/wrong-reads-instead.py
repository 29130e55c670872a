# wrong: the program reads the whole file where it should map it; mmap is left only in write_and_read_range, which nothing calls any more (mutant: reads the file instead of mapping it)
# fails: the program maps the file with `mmap.mmap`
"""Heapwise reference program for memory-mapped-file (O7, L-fit §4, L-288 §5).

Reads 100 bytes from the middle of a 1 MiB file three ways: through a
memory map, with seek() and read(100), and by reading the whole file. Then
counts lines and searches the file through the map without loading it.
"""
import mmap
import os
import platform
import struct
import sys
import tempfile
import time
import tracemalloc

SIZE = 1024 * 1024
OFFSET = SIZE * 500_000 // 1_048_576   # 500,000 for a 1 MiB file
LENGTH = 100
LINE = 64
REPEATS = 5  # timed runs; the fastest is the least disturbed by the rest of the machine


def line_bytes(line_number):
    """Line n of the file: 63 letters and a newline (the Rust side writes
    the same bytes, so the checksums can be compared)."""
    letters = bytes(ord("a") + (line_number * 7 + column) % 26 for column in range(LINE - 1))
    return letters + b"\n"


def write_file(path):
    # The letters repeat every 26 lines; write from those 26, a line at a time.
    distinct = [line_bytes(n) for n in range(26)]
    with open(path, "wb") as f:
        for n in range(SIZE // LINE):
            f.write(distinct[n % 26])


def write_and_read_range(path):
    """What the Rust variant does, start to end: write the file, then take
    the 100 bytes at OFFSET through a memory map."""
    write_file(path)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        return mm[OFFSET:OFFSET + LENGTH]


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


def checksum(piece):
    return sum((k + 1) * b for k, b in enumerate(piece))


def traced(function):
    """Runs function() under tracemalloc; returns (result, peak bytes)."""
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


def count_lines(mm):
    """Counts newlines by searching the map; no line is ever copied out."""
    count = 0
    position = mm.find(b"\n")
    while position != -1:
        count += 1
        position = mm.find(b"\n", position + 1)
    return count


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    size = os.path.getsize(path)
    print(f"file size: {size:,} bytes ({size // 1024 // 1024} MiB), reading {LENGTH} bytes at offset {OFFSET:,}")

    # Files and maps are opened before tracing starts: only the reads count.
    with open(path, "rb") as f:
      for mm in [f.read()]:
        mapped_piece, map_peak = traced(lambda: mm[OFFSET:OFFSET + LENGTH])

        def seek_and_read():
            f.seek(OFFSET)
            return f.read(LENGTH)

        ranged_piece, ranged_peak = traced(seek_and_read)

        def read_everything():
            f.seek(0)
            return f.read()[OFFSET:OFFSET + LENGTH]

        whole_piece, read_peak = traced(read_everything)

        print(f"slice of the map:    peak {map_peak:,} bytes, checksum {checksum(mapped_piece):,}")
        print(f"seek + read(100):    peak {ranged_peak:,} bytes, checksum {checksum(ranged_piece):,}")
        print(f"read() the file:     peak {read_peak:,} bytes, checksum {checksum(whole_piece):,}")
        print(f"the 100-byte piece: {sys.getsizeof(mapped_piece)} bytes as a bytes object")
        print(f"same bytes all three ways: {mapped_piece == ranged_piece == whole_piece}")

        lines, count_peak = traced(lambda: count_lines(mm))
        print(f"lines counted through the map: {lines:,}, peak {count_peak:,} bytes")

        needle = mapped_piece[:16]
        found, find_peak = traced(lambda: mm.find(needle))
        print(f"first occurrence of the {len(needle)} bytes read at {OFFSET:,}: offset {found:,}, "
              f"peak {find_peak:,} bytes")

        def count_after_read():
            f.seek(0)
            return f.read().count(b"\n")

        lines_again, read_count_peak = traced(count_after_read)
        print(f"lines counted after read(): {lines_again:,}, peak {read_count_peak:,} bytes")


print(f"slicing the map holds less than reading the file: {map_peak < read_peak}")
