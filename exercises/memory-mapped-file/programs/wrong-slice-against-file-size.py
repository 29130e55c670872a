# wrong: the last line does not compare the slice's peak with the measured read() peak: it compares it with the constant file SIZE.
# fails: the program ends by saying whether slicing the map holds less than reading the file, as measured
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
    """Count newlines with find(), never copying a line out of the map."""
    total = 0
    where = -1
    while (where := mm.find(b"\n", where + 1)) != -1:
        total += 1
    return total


with tempfile.TemporaryDirectory(dir=".") as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        def part_of_map():
            return mm[OFFSET:OFFSET + LENGTH]

        def seek_read():
            f.seek(OFFSET)
            return f.read(LENGTH)

        def whole_read():
            f.seek(0)
            return f.read()[OFFSET:OFFSET + LENGTH]

        measured = [(label, *traced(fn)) for label, fn in
                    (("mm[500000:500100]", part_of_map),
                     ("seek(500000) + read(100)", seek_read),
                     ("read()[500000:500100]", whole_read))]
        for label, _, peak in measured:
            print(f"{label:<26} peak {peak:>9} bytes")
        print(f"same 100 bytes from all three: {len({data for _, data, _ in measured}) == 1}")

        lines, count_peak = traced(lambda: count_lines(mm))

        def read_count():
            f.seek(0)
            return f.read().count(b"\n")

        _, read_count_peak = traced(read_count)
        print(f"{lines} lines; count_lines peak {count_peak} bytes, read().count peak {read_count_peak} bytes")

slice_peak = measured[0][2]
print(f"slicing the map holds less than reading the file: {slice_peak < SIZE}")
