# correct: written from the task; count_lines reads the map one line at a time with readline (from the start, then puts the position back), the starter's `traced` kept, results kept in a dict, an assert for the three pieces and a printed check, thousands separators
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
    here = mm.tell()
    mm.seek(0)
    total = sum(1 for line in iter(mm.readline, b"") if line.endswith(b"\n"))
    mm.seek(here)
    return total


results = {}
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    write_file(path)
    with open(path, "rb") as f:
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            results["map"] = traced(lambda: mm[OFFSET:OFFSET + LENGTH])
            results["seek"] = traced(lambda: (f.seek(OFFSET), f.read(LENGTH))[1])
            results["read"] = traced(lambda: (f.seek(0), f.read())[1][OFFSET:OFFSET + LENGTH])
            counted = traced(lambda: count_lines(mm))
            recounted = traced(lambda: (f.seek(0), f.read())[1].count(b"\n"))

for name, (piece, peak) in results.items():
    print(f"{name:>5}: {peak:,} bytes at the peak")
pieces = [piece for piece, _ in results.values()]
assert pieces[0] == pieces[1] == pieces[2]
print("the three ways match:", pieces[0] == pieces[1] == pieces[2])
print(f"count_lines through the map: {counted[0]:,} lines, {counted[1]:,} bytes at the peak")
print(f"read().count: {recounted[0]:,} lines, {recounted[1]:,} bytes at the peak")
print("slicing the map holds less than reading the file:", results["map"][1] < results["read"][1])
