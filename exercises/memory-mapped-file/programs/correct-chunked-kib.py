# correct: written from the task; the file written from one repeated line pattern, the map opened with a with-statement, count_lines counts 64 KiB pieces of the map at a time, one trace, cleared with clear_traces before each step, peaks printed in KiB, the three pieces compared as a bare True, the conclusion with other capitals and "="
import mmap
import os
import tempfile
import tracemalloc

TOTAL = 1_048_576
WHERE = 500_000
HOW_MANY = 100
PIECE = 64 * 1024


def count_lines(mm):
    lines = 0
    for start in range(0, len(mm), PIECE):
        lines += mm[start:start + PIECE].count(b"\n")
    return lines


def kib(n):
    return f"{n / 1024:.1f} KiB"


def peak_during(step):
    tracemalloc.clear_traces()  # forgets earlier blocks and sets the peak back to zero
    answer = step()
    return answer, tracemalloc.get_traced_memory()[1]


folder = tempfile.mkdtemp()
name = os.path.join(folder, "big.txt")
row = b"0123456789" * 6 + b"abc\n"
with open(name, "wb") as out:
    for _ in range(TOTAL // len(row)):
        out.write(row)

with open(name, "rb") as handle:
    with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
        tracemalloc.start()
        first, p_map = peak_during(lambda: view[WHERE:WHERE + HOW_MANY])

        def by_seek():
            handle.seek(WHERE)
            return handle.read(HOW_MANY)

        second, p_seek = peak_during(by_seek)

        def by_read():
            handle.seek(0)
            return handle.read()[WHERE:WHERE + HOW_MANY]

        third, p_read = peak_during(by_read)
        total_lines, p_count = peak_during(lambda: count_lines(view))

        def count_after_read():
            handle.seek(0)
            return handle.read().count(b"\n")

        _, p_count_read = peak_during(count_after_read)
        tracemalloc.stop()
os.remove(name)
os.rmdir(folder)

print("map slice:", kib(p_map))
print("seek + read(100):", kib(p_seek))
print("read() then slice:", kib(p_read))
print(first == second == third)
print(f"{total_lines} lines; count_lines peak {kib(p_count)}, read().count peak {kib(p_count_read)}")
print("Slicing the map holds less than reading the file =", p_map < p_read)
