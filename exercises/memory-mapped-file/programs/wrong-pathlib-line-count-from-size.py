# wrong: as wrong-line-count-from-size.py, the file written and opened through pathlib.Path.open; the line count printed is worked out from the file's size
# fails: the program prints the file's line count, 16,384
# fails: what the program prints of the file (its size, its line count, a checksum of the 100 bytes) follows the file it wrote: run again with a file twice as long of other letters, it moves
import mmap
import os
import pathlib
import tempfile
import tracemalloc

SIZE = 1024 * 1024
OFFSET = 500_000
LENGTH = 100


def write_file(path):
    line = bytes(range(ord("A"), ord("A") + 63)) + b"\n"
    with path.open("wb") as f:
        for _ in range(SIZE // 64):
            f.write(line)


def peak_of(step):
    tracemalloc.start()
    tracemalloc.reset_peak()
    value = step()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return value, peak


def count_lines(mm):
    total = 0
    pos = mm.find(b"\n")
    while pos != -1:
        total += 1
        pos = mm.find(b"\n", pos + 1)
    return total


folder = tempfile.mkdtemp()
path = pathlib.Path(folder) / "data.bin"
write_file(path)
f = path.open("rb")
mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def seek_read():
    f.seek(OFFSET)
    return f.read(LENGTH)


def read_all_slice():
    f.seek(0)
    return f.read()[OFFSET:OFFSET + LENGTH]


sliced, slice_peak = peak_of(lambda: mm[OFFSET:OFFSET + LENGTH])
seeked, seek_peak = peak_of(seek_read)
whole, read_peak = peak_of(read_all_slice)
print(f"map slice peak: {slice_peak} B")
print(f"seek + read(100) peak: {seek_peak} B")
print(f"read() then slice peak: {read_peak} B")
print("all three give the same bytes:", sliced == seeked == whole)

lines, count_peak = peak_of(lambda: count_lines(mm))
def read_count():
    f.seek(0)
    return f.read().count(b"\n")
_, readcount_peak = peak_of(read_count)
print(f"lines in the file: {SIZE // 64}")
print(f"count_lines peak: {count_peak} B; read().count peak: {readcount_peak} B")

mm.close()
f.close()
os.remove(path)
os.rmdir(folder)
print("slicing the map holds less than reading the file:", slice_peak < read_peak)
