# wrong: maps the file and counts its lines through the map, but never slices the 100 bytes out of the map: its "map" way is another seek() + read(100) on the file, whose peak it prints as the map's
# fails: the program prints the peak of slicing the 100 bytes out of the map, as small as the check measures it
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
    count, at = 0, mm.find(b"\n")
    while at != -1:
        count += 1
        at = mm.find(b"\n", at + 1)
    return count


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)

        def from_map():
            f.seek(OFFSET)
            return f.read(LENGTH)

        def seek_read():
            f.seek(OFFSET)
            return f.read(LENGTH)

        def read_slice():
            f.seek(0)
            return f.read()[OFFSET:OFFSET + LENGTH]

        first, map_peak = traced(from_map)
        second, seek_peak = traced(seek_read)
        third, read_peak = traced(read_slice)
        print(f"map slice peak: {map_peak} bytes")
        print(f"seek + read(100) peak: {seek_peak} bytes")
        print(f"read() + slice peak: {read_peak} bytes")
        print(f"same bytes: {first == second == third}")

        lines, count_peak = traced(lambda: count_lines(mm))

        def read_count():
            f.seek(0)
            return f.read().count(b"\n")

        _, read_count_peak = traced(read_count)
        print(f"{lines} lines; count_lines peak {count_peak} bytes, read().count peak {read_count_peak} bytes")
        mm.close()

print(f"slicing the map holds less than reading the file: {map_peak < read_peak}")
