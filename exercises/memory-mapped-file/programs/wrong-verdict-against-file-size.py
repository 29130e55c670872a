# wrong: the last line compares the slice's peak with the file's size on disk, not with the peak measured for read() + slice as the task says
# fails: the program ends by saying whether slicing the map holds less than reading the file, as measured
import mmap
import os
import tempfile
import tracemalloc

SIZE = 1024 * 1024
OFFSET = 500_000
LENGTH = 100


def write_file(path):
    with open(path, "wb") as f:
        for n in range(SIZE // 64):
            f.write(bytes(ord("a") + (n * 7 + c) % 26 for c in range(63)) + b"\n")


def traced(function):
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


def count_lines(mm):
    mm.seek(0)
    lines = 0
    readline = mm.readline
    while readline():
        lines += 1
    mm.seek(0)
    return lines


def seek_and_read(f):
    f.seek(OFFSET)
    return f.read(LENGTH)


def read_then_slice(f):
    f.seek(0)
    return f.read()[OFFSET:OFFSET + LENGTH]


def read_then_count(f):
    f.seek(0)
    return f.read().count(b"\n")


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    file_bytes = os.path.getsize(path)
    print(f"file written: {file_bytes:,} bytes")
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        ways = {
            "slice of the map": lambda: mm[OFFSET:OFFSET + LENGTH],
            "seek() + read(100)": lambda: seek_and_read(f),
            "read() then slice": lambda: read_then_slice(f),
        }
        results = {}
        for label, way in ways.items():
            chunk, peak = traced(way)
            results[label] = (chunk, peak)
            print(f"{label:>20}: peak {peak:,} bytes")
        chunks = [chunk for chunk, _ in results.values()]
        same = all(chunk == chunks[0] for chunk in chunks[1:])
        print(f"all three give the same {len(chunks[0])} bytes: {same}")

        lines, count_peak = traced(lambda: count_lines(mm))
        by_read, read_count_peak = traced(lambda: read_then_count(f))
        print(f"lines in the file: {lines:,} (read().count says {by_read:,})")
        print(f"count_lines peak: {count_peak:,} bytes")
        print(f"read().count(b'\\n') peak: {read_count_peak:,} bytes")
        mm.close()

slice_peak = results["slice of the map"][1]
read_peak = results["read() then slice"][1]
# reading the file holds the whole file in memory
print(f"slicing the map holds less than reading the file: {slice_peak < file_bytes}")
