# wrong: written from the task and the page's list of checks (round 22): `read()` measured after `seek(500_000)`, so it reads only the second half of the file
# fails: `read()` reads the whole file, from its start: run again, where each `read()` of a file begins is noted
# reading: "the peak of read() followed by the slice" -> the file is rewound to
# offset 0 and read whole, then sliced; the same for read().count(b"\n").
# reading: the map and file are opened before tracing, so each peak covers the
# read itself only (one trace per measurement).
import mmap
import os
import tempfile
import time
import tracemalloc
import zlib

SIZE = 1024 * 1024
OFFSET = 500_000
LENGTH = 100
LINE = 64


def write_file(path):
    with open(path, "wb") as out:
        for n in range(SIZE // LINE):
            out.write(bytes(ord("a") + (n * 7 + c) % 26 for c in range(LINE - 1)) + b"\n")


class Peak:
    """with Peak() as p: ...  -> p.bytes is the peak traced inside the block."""

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.bytes = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return False


def count_lines(mm):
    count = 0
    pos = mm.find(b"\n", 0)
    while pos != -1:
        count += 1
        pos = mm.find(b"\n", pos + 1)
    return count


def main():
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "data.bin")
        t0 = time.perf_counter()
        write_file(path)
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            setup = time.perf_counter() - t0
            print(f"wrote and mapped {len(mm):,} bytes ({os.path.getsize(path) / 1024:.0f} KiB) in {setup * 1000:.1f} ms")

            with Peak() as p:
                from_map = mm[OFFSET:OFFSET + LENGTH]
            results["slice of the map"] = p.bytes

            with Peak() as p:
                f.seek(OFFSET)
                from_seek = f.read(LENGTH)
            results["seek() + read(100)"] = p.bytes

            f.seek(OFFSET)
            with Peak() as p:
                whole = f.read()
                from_read = whole[:LENGTH]
                del whole
            results["read() then slice"] = p.bytes

            same = from_map == from_seek == from_read
            with Peak() as p:
                lines = count_lines(mm)
            count_peak = p.bytes

            f.seek(0)
            with Peak() as p:
                read_lines = f.read().count(b"\n")
            read_count_peak = p.bytes

    print("peaks of getting %d bytes at offset %s:" % (LENGTH, format(OFFSET, ",")))
    for name, peak in results.items():
        print("  %-20s %10s bytes" % (name, format(peak, ",")))
    print("crc32 of the 100 bytes: %08x" % zlib.crc32(from_map))
    print("all three give the same bytes:", same)
    print(f"lines in the file: {lines:,} (read().count says {read_lines:,})")
    print(f"  {'count_lines(mm)':<20} {count_peak:>10,} bytes")
    label = 'read().count(b"\\n")'
    print(f"  {label:<20} {read_count_peak:>10,} bytes")
    print("slicing the map holds less than reading the file:",
          results["slice of the map"] < results["read() then slice"])


main()
