# wrong: half the task: the three ways are measured and compared, but no line is counted and there is no count_lines
# fails: `count_lines(mm)` counts the lines of a map
# fails: the program prints the small peaks it measured: the map slice, `seek()` + `read(100)` and `count_lines`
# fails: `count_lines` searches the map without copying it out (its peak, measured by the check, stays small)
# fails: the program measures with tracemalloc and prints the peaks of both `read()` steps, near what the check measures
# fails: the program prints the file's line count, 16,384
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


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        piece, map_peak = traced(lambda: mm[OFFSET:OFFSET + LENGTH])
        f.seek(OFFSET)
        ranged, ranged_peak = traced(lambda: f.read(LENGTH))
        f.seek(0)
        whole, read_peak = traced(lambda: f.read()[OFFSET:OFFSET + LENGTH])

print(f"map {map_peak:,} B, seek+read {ranged_peak:,} B, read() {read_peak:,} B")
print("same bytes:", piece == ranged == whole)
print("slicing the map holds less than reading the file:", map_peak < read_peak)
