# wrong: the line numbers are off by one
# fails: `top_allocators(work)` returns (filename, lineno, size_diff, count_diff) tuples, biggest first
# fails: `top_allocators` returns exactly `limit` sites
# fails: `top_allocators(workload)` finds workload's three lines, and the program prints them
import os
import sys
import tracemalloc

def workload():
    numbers = [i * 7 for i in range(50_000)]
    table = {i: str(i) for i in range(10_000)}
    text = "x" * 1_000_000
    return numbers, table, text

def top_allocators(work, limit=3):
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    kept = work()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    del kept
    own = [tracemalloc.Filter(True, __file__)]
    diff = after.filter_traces(own).compare_to(before.filter_traces(own), "lineno")
    grown = sorted((stat for stat in diff if stat.size_diff > 0), key=lambda stat: stat.size_diff, reverse=True)
    return [(stat.traceback[0].filename, stat.traceback[0].lineno + 1, stat.size_diff, stat.count_diff)
            for stat in grown[:limit]]

def unguarded_top_allocators(work, limit=3):
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    work()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    diff = after.compare_to(before, "lineno")
    return [(stat.traceback[0].filename, stat.traceback[0].lineno, stat.size_diff) for stat in diff[:limit]]

top = top_allocators(workload)
for filename, lineno, size, blocks in top:
    print(f"{os.path.basename(filename)}:{lineno}: +{size:,} bytes in {blocks:,} blocks")

unguarded = unguarded_top_allocators(workload)
print("the course's way: " + ", ".join(f"{os.path.basename(f)}:{n} {size:+,} bytes" for f, n, size in unguarded))
print(f"the course's way finds a site above 100,000 bytes: {any(size > 100_000 for _, _, size in unguarded)}")
print(f"the course's way names a tracemalloc.py line: {any(os.path.basename(f) == 'tracemalloc.py' for f, _, _ in unguarded)}")

appended = []
for i in range(50_000):
    appended.append(i)
sized = list(range(50_000))
print(f"built by append: {sys.getsizeof(appended):,} bytes; built at its final length: {sys.getsizeof(sized):,} bytes")
print(f"top three sorted by size: {[t[2] for t in top] == sorted((t[2] for t in top), reverse=True)}")
