# correct: written from the task; the file of digits and spaces written with writelines, opened unbuffered (buffering=0) next to the map, a peak_kib helper, the three small peaks printed on one line in KiB, each pair of pieces compared on a line of its own, count_lines counts newlines in a for loop over find positions
import mmap
import os
import tempfile
import tracemalloc

SIZE = 1024 * 1024
OFFSET = 500_000
LENGTH = 100


def count_lines(mm):
    total, start = 0, 0
    for _ in range(len(mm) + 1):
        start = mm.find(b"\n", start)
        if start < 0:
            break
        total += 1
        start += 1
    return total


def peak_kib(action):
    tracemalloc.start()
    try:
        value = action()
        return value, round(tracemalloc.get_traced_memory()[1] / 1024, 1)
    finally:
        tracemalloc.stop()


def whole_then_slice(raw):
    raw.seek(0)
    return raw.read()[OFFSET:OFFSET + LENGTH]


def whole_then_count(raw):
    raw.seek(0)
    return raw.read().count(b"\n")


def range_only(raw):
    raw.seek(OFFSET)
    return raw.read(LENGTH)


with tempfile.TemporaryDirectory() as where:
    name = os.path.join(where, "lines.dat")
    with open(name, "wb") as out:
        out.writelines(("%063d" % (row * 12345)).encode("ascii")[:63].replace(b"0", b" ") + b"\n"
                       for row in range(SIZE // 64))
    raw = open(name, "rb", buffering=0)
    view = mmap.mmap(raw.fileno(), 0, access=mmap.ACCESS_READ)
    try:
        a, kib_map = peak_kib(lambda: view[OFFSET:OFFSET + LENGTH])
        b, kib_seek = peak_kib(lambda: range_only(raw))
        c, kib_whole = peak_kib(lambda: whole_then_slice(raw))
        n, kib_count = peak_kib(lambda: count_lines(view))
        n2, kib_count_read = peak_kib(lambda: whole_then_count(raw))
    finally:
        view.close()
        raw.close()

print(f"peaks: map slice {kib_map} KiB, seek+read(100) {kib_seek} KiB, read() then slice {kib_whole} KiB")
print("map slice == seek+read:", a == b)
print("seek+read == read() slice:", b == c)
print("map slice == read() slice:", a == c)
print(f"line count: {n} (count_lines peak {kib_count} KiB), read().count(b'\\n') gives {n2} at a peak of {kib_count_read} KiB")
print("Slicing the map holds less than reading the file =", kib_map < kib_whole)
