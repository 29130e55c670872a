# wrong: (b) peaks typed from an earlier run; the traced calls still run but their peaks are dropped
# fails: the program measures with tracemalloc and prints the peaks of both `read()` steps, near what the check measures
# fails: the program prints the small peaks it measured: the map slice, `seek()` + `read(100)` and `count_lines`
# fails: the peak printed for slicing the map is what slicing the map cost (run again with a costlier slice)
# fails: every figure in bytes it prints is one it measured
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
    lines = 0
    where = mm.find(b"\n")
    while where != -1:
        lines += 1
        where = mm.find(b"\n", where + 1)
    return lines

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        from_map, _ = traced(lambda: mm[OFFSET:OFFSET + LENGTH])

        def seek_read():
            f.seek(OFFSET)
            return f.read(LENGTH)
        from_seek, _ = traced(seek_read)

        def read_all():
            f.seek(0)
            return f.read()[OFFSET:OFFSET + LENGTH]
        from_read, _ = traced(read_all)
        map_peak, seek_peak, read_peak = 181, 8325, 1048761
        print(f"map slice peak:      {map_peak} bytes")
        print(f"seek + read peak:    {seek_peak} bytes")
        print(f"read() + slice peak: {read_peak} bytes")
        print("all three agree:", from_map == from_seek == from_read)

        lines, count_peak = traced(lambda: count_lines(mm))

        def count_read():
            f.seek(0)
            return f.read().count(b"\n")
        read_lines, read_count_peak = traced(count_read)
        print(f"lines: {lines} (count_lines peak {count_peak} bytes; read().count peak {read_count_peak} bytes)")
        mm.close()
print("slicing the map holds less than reading the file:", map_peak < read_peak)

