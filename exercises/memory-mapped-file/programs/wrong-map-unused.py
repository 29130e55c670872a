# wrong: mmap appears only in a function nobody calls; the program reads the whole file, and count_lines copies the file out of the map
# fails: the program maps the file with `mmap.mmap`
# fails: `count_lines` searches the map without copying it out (its peak, measured by the check, stays small)
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



def map_piece(path):
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        return mm[OFFSET:OFFSET + LENGTH]


def count_lines(mm):
    return mm[:].count(b"\n")


def traced(function):
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    with open(path, "rb") as f:
        data = f.read()
        piece, map_peak = traced(lambda: data[OFFSET:OFFSET + LENGTH])

        def seek_and_read():
            f.seek(OFFSET)
            return f.read(LENGTH)

        ranged, ranged_peak = traced(seek_and_read)

        def read_all():
            f.seek(0)
            return f.read()[OFFSET:OFFSET + LENGTH]

        whole, read_peak = traced(read_all)
        lines, count_peak = traced(lambda: count_lines(data))

        def read_count():
            f.seek(0)
            return f.read().count(b"\n")

        again, again_peak = traced(read_count)

print(f"map: {map_peak:,} bytes, seek: {ranged_peak:,} bytes, read: {read_peak:,} bytes")
print("same bytes:", piece == ranged == whole)
print(f"lines: {lines:,} (peak {count_peak:,}), after read(): {again:,} (peak {again_peak:,})")
print("slicing the map holds less than reading the file:", map_peak < read_peak)
