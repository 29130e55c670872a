# correct: written from the task; the file written and opened with pathlib (Path.open, for writing and for the map and the reads), each step traced by a helper that starts and stops tracemalloc, the three pieces compared in one chain
import mmap
import os
import pathlib
import tempfile
import tracemalloc

SIZE = 1024 * 1024
OFFSET = 500_000
LENGTH = 100


def write_file(path):
    with path.open("wb") as f:
        for n in range(SIZE // 64):
            f.write(bytes(ord("a") + (n * 7 + c) % 26 for c in range(63)) + b"\n")


def traced(function):
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


def count_lines(mm):
    found = 0
    where = mm.find(b"\n")
    while where != -1:
        found += 1
        where = mm.find(b"\n", where + 1)
    return found


def seek_and_read(handle):
    handle.seek(OFFSET)
    return handle.read(LENGTH)


def read_all_then_slice(handle):
    handle.seek(0)
    return handle.read()[OFFSET:OFFSET + LENGTH]


def read_all_and_count(handle):
    handle.seek(0)
    return handle.read().count(b"\n")


with tempfile.TemporaryDirectory() as folder:
    path = pathlib.Path(folder) / "data.bin"
    write_file(path)
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        piece_map, map_peak = traced(lambda: mapped[OFFSET:OFFSET + LENGTH])
        piece_seek, seek_peak = traced(lambda: seek_and_read(f))
        piece_read, read_peak = traced(lambda: read_all_then_slice(f))
        print(f"slice of the map: peak {map_peak} B")
        print(f"seek + read(100): peak {seek_peak} B")
        print(f"read() then slice: peak {read_peak} B")
        print("all three give the same bytes:", piece_map == piece_seek == piece_read)
        lines, count_peak = traced(lambda: count_lines(mapped))
        lines_read, whole_peak = traced(lambda: read_all_and_count(f))
        print(f"{lines} lines; count_lines on the map peaked at {count_peak} B, "
              f"read().count(b'\\n') at {whole_peak} B ({lines_read} lines)")

print(f"slicing the map holds less than reading the file: {map_peak < read_peak}")
