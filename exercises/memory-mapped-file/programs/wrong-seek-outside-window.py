# wrong: the seek(OFFSET) is done before tracing starts, so the peak printed for seek() + read(100) measures read(100) alone, not the seek() + read(100) the task names
# fails: the peak printed for `seek()` + `read(100)` is what that read cost (run again with a costlier read)
from __future__ import annotations

import mmap
import os
import tempfile
import tracemalloc
from typing import Callable, NamedTuple, TypeVar

SIZE = 1024 * 1024
OFFSET = 500_000
LENGTH = 100
T = TypeVar("T")


class Reading(NamedTuple):
    way: str
    data: bytes
    peak: int


def write_file(path: str) -> None:
    with open(path, "wb") as f:
        for n in range(SIZE // 64):
            f.write(bytes(ord("a") + (n * 7 + c) % 26 for c in range(63)) + b"\n")


def traced(function: Callable[[], T]) -> tuple[T, int]:
    tracemalloc.start()
    try:
        result = function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def count_lines(mm: mmap.mmap) -> int:
    """Count b"\\n" in the map with find(); nothing is copied out of it."""
    lines = 0
    position = mm.find(b"\n")
    while position != -1:
        lines += 1
        position = mm.find(b"\n", position + 1)
    return lines


def read_at_offset(f) -> bytes:
    return f.read(LENGTH)


def read_all_then_slice(f) -> bytes:
    f.seek(0)
    return f.read()[OFFSET:OFFSET + LENGTH]


def read_all_then_count(f) -> int:
    f.seek(0)
    return f.read().count(b"\n")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "data.bin")
        write_file(path)
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            print(f"file: {os.path.getsize(path):,} bytes, mapped {len(mm):,} bytes")
            map_slice = Reading("map slice", *traced(lambda: mm[OFFSET:OFFSET + LENGTH]))
            f.seek(OFFSET)
            seek_read = Reading("seek() + read(100)", *traced(lambda: read_at_offset(f)))
            whole_read = Reading("read() then slice", *traced(lambda: read_all_then_slice(f)))
            readings = [map_slice, seek_read, whole_read]
            for reading in readings:
                print(f"peak of {reading.way:<20} {reading.peak:>10,} bytes")
            same = len({reading.data for reading in readings}) == 1
            print(f"all three give the same {LENGTH} bytes: {same}")

            lines, count_peak = traced(lambda: count_lines(mm))
            counted, read_count_peak = traced(lambda: read_all_then_count(f))
            print(f"lines in the file: {lines:,} (read().count agrees: {lines == counted})")
            print(f"peak of count_lines(mm): {count_peak:,} bytes; "
                  f"peak of read().count(b'\\n'): {read_count_peak:,} bytes")

            holds_less = readings[0].peak < readings[2].peak
            print(f"slicing the map holds less than reading the file: {holds_less}")


if __name__ == "__main__":
    main()
