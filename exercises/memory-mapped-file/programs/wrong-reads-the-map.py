# wrong: both 'read()' peaks are measured on the map's own mm.read(), not on the file's read(), so the file is never read whole
# fails: `read()` reads the whole file, from its start: run again, where each `read()` of a file begins is noted
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
    lines = 0
    pos = mm.find(b"\n", 0)
    while pos != -1:
        lines += 1
        pos = mm.find(b"\n", pos + 1)
    return lines


def seek_and_read(f):
    f.seek(OFFSET)
    return f.read(LENGTH)


def read_all_then_slice(source):
    source.seek(0)
    return source.read()[OFFSET:OFFSET + LENGTH]


def read_all_count(source):
    source.seek(0)
    return source.read().count(b"\n")


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    print(f"file written: {os.path.getsize(path)} bytes")
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            ways = {
                "map slice": lambda: mm[OFFSET:OFFSET + LENGTH],
                "seek() + read(100)": lambda: seek_and_read(f),
                "read() then slice": lambda: read_all_then_slice(mm),
            }
            got = {}
            peaks = {}
            for name, how in ways.items():
                got[name], peaks[name] = traced(how)
                print(f"peak of {name}: {peaks[name]} bytes")
            chunks = list(got.values())
            same = all(chunk == chunks[0] for chunk in chunks[1:])
            print(f"all three give the same bytes: {same} (crc32 {zlib.crc32(chunks[0]):08x})")

            lines, count_peak = traced(lambda: count_lines(mm))
            read_lines, read_count_peak = traced(lambda: read_all_count(mm))
            print(f"lines in the file: {lines}")
            print(f"peak of count_lines(mm): {count_peak} bytes")
            print(f"peak of read().count(b'\\n'): {read_count_peak} bytes (it counts {read_lines})")
            print(f"slicing the map holds less than reading the file: {peaks['map slice'] < peaks['read() then slice']}")
        finally:
            mm.close()
