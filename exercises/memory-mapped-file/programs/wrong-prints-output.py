# wrong: prints the recorded output: the file is never written, mapped or measured, and there is no count_lines
# fails: the program maps the file with `mmap.mmap`
# fails: the program prints the small peaks it measured: the map slice, `seek()` + `read(100)` and `count_lines`
# fails: `count_lines(mm)` counts the lines of a map
# fails: `count_lines` searches the map without copying it out (its peak, measured by the check, stays small)
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


print('file size: 1,048,576 bytes (1 MiB), reading 100 bytes at offset 500,000')
print('slice of the map:    peak 165 bytes, checksum 547,382')
print('seek + read(100):    peak 473 bytes, checksum 547,382')
print('read() the file:     peak 1,048,774 bytes, checksum 547,382')
print('the 100-byte piece: 133 bytes as a bytes object')
print('same bytes all three ways: True')
print('lines counted through the map: 16,384, peak 120 bytes')
print('first occurrence of the 16 bytes read at 500,000: offset 12, peak 0 bytes')
print('lines counted after read(): 16,384, peak 1,048,682 bytes')
print('timing: variant optimized at size_kib=1024: 3756.9 us per call, best of 5 (tracemalloc off)')
print('slicing the map holds less than reading the file: True')
