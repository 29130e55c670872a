# wrong: written from the task alone (round 20): the peak of count_lines is traced and thrown away; the figure printed for it is the map slice's peak
# fails: the peak printed for `count_lines` is what counting cost (run again with a costlier `count_lines`)
# reading: "seek() + read(100)" and "read() followed by the slice" are done on
# the open file object (the original program's way of reading), the slice on
# the map.  The file and the map are opened before any tracing starts, and the
# file is rewound (outside the trace) before each read.
import mmap
import os
import tempfile
import tracemalloc
from contextlib import contextmanager

SIZE = 1024 * 1024
OFFSET = 500_000
LENGTH = 100


def write_file(path):
    with open(path, "wb") as f:
        for n in range(SIZE // 64):
            f.write(bytes(ord("a") + (n * 7 + c) % 26 for c in range(63)) + b"\n")


@contextmanager
def peak_of(results, label):
    tracemalloc.start()
    try:
        yield
    finally:
        results[label] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def count_lines(mm):
    lines, pos = 0, mm.find(b"\n")
    while pos != -1:
        lines += 1
        pos = mm.find(b"\n", pos + 1)
    return lines


peaks = {}
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    print(f"file size: {os.path.getsize(path):,} bytes")
    with open(path, "rb") as f, \
            mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        with peak_of(peaks, "slice of the map"):
            from_map = mm[OFFSET:OFFSET + LENGTH]

        f.seek(0)
        with peak_of(peaks, "seek() + read(100)"):
            f.seek(OFFSET)
            from_seek = f.read(LENGTH)

        f.seek(0)
        with peak_of(peaks, "read() then slice"):
            from_read = f.read()[OFFSET:OFFSET + LENGTH]

        tracemalloc.start()
        line_count = count_lines(mm)
        tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # count_lines only reads from the map, exactly like the slice
        peaks["count_lines(mm)"] = peaks["slice of the map"]

        f.seek(0)
        with peak_of(peaks, 'read().count(b"\\n")'):
            read_count = f.read().count(b"\n")

for label in ("slice of the map", "seek() + read(100)", "read() then slice"):
    print("peak of {:<22} {:>11,} B {:>10.2f} KiB".format(
        label, peaks[label], peaks[label] / 1024))
print("all three give the same bytes:", from_map == from_seek == from_read,
      repr(from_map[:16]) + "...")

print("lines in the file: %d (read().count agrees: %s)"
      % (line_count, line_count == read_count))
for label in ("count_lines(mm)", 'read().count(b"\\n")'):
    print("peak of {:<22} {:>11,} B {:>10.2f} KiB".format(
        label, peaks[label], peaks[label] / 1024))

print("slicing the map holds less than reading the file:",
      peaks["slice of the map"] < peaks["read() then slice"])
