# wrong: (d) step 3 skipped: no count_lines and no line count
# fails: `count_lines(mm)` counts the lines of a map
# fails: `count_lines` searches the map without copying it out (its peak, measured by the check, stays small)
# fails: the program measures with tracemalloc and prints the peaks of both `read()` steps, near what the check measures
# fails: the program prints the small peaks it measured: the map slice, `seek()` + `read(100)` and `count_lines`
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
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        from_map, map_peak = traced(lambda: mm[OFFSET:OFFSET + LENGTH])

        def seek_read():
            f.seek(OFFSET)
            return f.read(LENGTH)
        from_seek, seek_peak = traced(seek_read)

        def read_all():
            f.seek(0)
            return f.read()[OFFSET:OFFSET + LENGTH]
        from_read, read_peak = traced(read_all)
        print(f"map slice peak:      {map_peak} bytes")
        print(f"seek + read peak:    {seek_peak} bytes")
        print(f"read() + slice peak: {read_peak} bytes")
        print("all three agree:", from_map == from_seek == from_read)

        mm.close()
print("slicing the map holds less than reading the file:", map_peak < read_peak)

