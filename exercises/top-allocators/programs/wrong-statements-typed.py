# wrong: the two statements about the course's way are typed, not computed from its comparison
# fails: the program prints the two statements to predict with their values
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
    alive = work()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    mine = [d for d in after.compare_to(before, "lineno")
            if d.traceback[0].filename == __file__]
    mine.sort(key=lambda d: d.size_diff, reverse=True)
    del alive
    return [(d.traceback[0].filename, d.traceback[0].lineno, d.size_diff, d.count_diff)
            for d in mine[:limit]]

sites = top_allocators(workload)
for fname, line, size, count in sites:
    print(f"line {line}: +{size} bytes in {count} blocks")

tracemalloc.start()
s1 = tracemalloc.take_snapshot()
workload()
s2 = tracemalloc.take_snapshot()
tracemalloc.stop()
course = s2.compare_to(s1, "lineno")[:3]
for st in course:
    print("course's way:", st)
print("the course's way finds a site above 100,000 bytes: False")
print("the course's way names a tracemalloc.py line: True")

grown = []
for i in range(50_000):
    grown.append(i)
at_once = [0] * 50_000
print("appended one at a time:", sys.getsizeof(grown), "bytes; built at final length:", sys.getsizeof(at_once), "bytes")

sizes = [size for _, _, size, _ in sites]
print("top three sorted by size:", sizes == sorted(sizes, reverse=True))
