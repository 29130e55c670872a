# correct: map, three traced reads, count_lines by find on the map
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

        lines, count_peak = traced(lambda: count_lines(mm))

        def count_read():
            f.seek(0)
            return f.read().count(b"\n")
        read_lines, read_count_peak = traced(count_read)
        print(f"lines: {lines} (count_lines peak {count_peak} bytes; read().count peak {read_count_peak} bytes)")
        mm.close()
print("slicing the map holds less than reading the file:", map_peak < read_peak)
