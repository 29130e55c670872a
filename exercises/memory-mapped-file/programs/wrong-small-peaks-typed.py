# wrong: the peaks of the map slice and of seek() + read(100) are measured and then typed into their lines
# fails: the program prints the small peaks it measured: the map slice, `seek()` + `read(100)` and `count_lines`
# fails: every figure in bytes it prints is one it measured
import mmap
import os
import tempfile
import tracemalloc

SIZE = 1024 * 1024
OFFSET = 500_000
LENGTH = 100


def write_file(path):
    line = bytes(range(ord("A"), ord("A") + 63)) + b"\n"
    with open(path, "wb") as f:
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
path = os.path.join(folder, "data.bin")
write_file(path)
f = open(path, "rb")
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
print(f"map slice peak: 165 B")
print(f"seek + read(100) peak: 473 B")
print(f"read() then slice peak: {read_peak} B")
print("all three give the same bytes:", sliced == seeked == whole)

lines, count_peak = peak_of(lambda: count_lines(mm))
def read_count():
    f.seek(0)
    return f.read().count(b"\n")
_, readcount_peak = peak_of(read_count)
print(f"lines in the file: {lines}")
print(f"count_lines peak: {count_peak} B; read().count peak: {readcount_peak} B")

mm.close()
f.close()
os.remove(path)
os.rmdir(folder)
print("slicing the map holds less than reading the file:", slice_peak < read_peak)
