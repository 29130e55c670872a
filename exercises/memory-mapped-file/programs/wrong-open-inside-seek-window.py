# wrong: the seek() + read(100) window also opens a new file object (with its 8 KiB buffer) inside tracemalloc, so the peak printed for that read is mostly the open, not the 100-byte read
# fails: the peak printed for `seek()` + `read(100)` is what that read cost (run again with a costlier read)
import mmap
import os
import tempfile
import tracemalloc
import zlib

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
    count, pos = 0, mm.find(b"\n")
    while pos != -1:
        count += 1
        pos = mm.find(b"\n", pos + 1)
    return count


def slice_map(mm):
    return mm[OFFSET:OFFSET + LENGTH]


def seek_and_read(path):
    with open(path, "rb") as g:
        g.seek(OFFSET)
        return g.read(LENGTH)


def read_all_then_slice(f):
    f.seek(0)
    return f.read()[OFFSET:OFFSET + LENGTH]


def read_all_then_count(f):
    f.seek(0)
    return f.read().count(b"\n")


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        print(f"file size: {len(mm):,} bytes")
        peaks = {}
        from_map, peaks["map slice"] = traced(lambda: slice_map(mm))
        from_seek, peaks["seek() + read(100)"] = traced(lambda: seek_and_read(path))
        from_read, peaks["read() then slice"] = traced(lambda: read_all_then_slice(f))
        for name, peak in peaks.items():
            print(f"peak of {name}: {peak:,} bytes")
        same = from_map == from_seek == from_read
        print(f"all three give the same bytes: {same}")
        print(f"crc32 of the 100 bytes: {zlib.crc32(from_map):08x}")

        lines, count_peak = traced(lambda: count_lines(mm))
        _, read_count_peak = traced(lambda: read_all_then_count(f))
        print(f"lines in the file: {lines:,}")
        print(f"peak of count_lines(mm): {count_peak:,} bytes")
        print(f"peak of read().count(b'\\n'): {read_count_peak:,} bytes")

        holds_less = peaks["map slice"] < peaks["read() then slice"]
        print(f"slicing the map holds less than reading the file: {holds_less}")
