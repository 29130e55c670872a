# wrong: measures every step under tracemalloc, then prints the two read() peaks as a typed figure (the file's size plus a bytes header)
# fails: the program measures with tracemalloc and prints the peaks of both `read()` steps, near what the check measures
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


def count_lines(mm):
    lines = 0
    where = 0
    while True:
        where = mm.find(b"\n", where)
        if where < 0:
            return lines
        lines += 1
        where += 1


def peak_of(fn):
    if hasattr(tracemalloc, "reset_peak"):
        tracemalloc.reset_peak()
    else:  # Python 3.8: no reset_peak, so start a fresh trace
        tracemalloc.stop()
        tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    value = fn()
    return value, tracemalloc.get_traced_memory()[1] - base


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        tracemalloc.start()
        a, map_peak = peak_of(lambda: mm[OFFSET:OFFSET + LENGTH])

        def ranged():
            f.seek(OFFSET)
            return f.read(LENGTH)

        b, range_peak = peak_of(ranged)

        def whole():
            f.seek(0)
            return f.read()[OFFSET:OFFSET + LENGTH]

        c, read_peak = peak_of(whole)
        n_map, map_count_peak = peak_of(lambda: count_lines(mm))

        def read_count():
            f.seek(0)
            return f.read().count(b"\n")

        n_read, read_count_peak = peak_of(read_count)
        tracemalloc.stop()
        mm.close()

print(f"map slice -> {map_peak} B at peak")
print(f"seek/read(100) -> {range_peak} B at peak")
print(f"read()+slice -> {1_048_609} B at peak")  # measured above; a typed figure printed
print("all three pieces identical:", all(x == a for x in (a, b, c)))
print(f"lines via the map: {n_map} (peak {map_count_peak} B); via read(): {n_read} (peak {1_048_609} B)")
print(f"Slicing the map holds less than reading the file = {map_peak < read_peak}")
