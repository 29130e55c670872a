# wrong: the workload checked once built (the last square looked up), then P2's size statement typed in
# fails: the program prints P2's four statements about `stats`, each with its value
import random
import string
import tracemalloc

def build_workload(rng):
    words = ["".join(rng.choices(string.ascii_lowercase, k=10)) for _ in range(100_000)]
    squares = {i: i * i for i in range(50_000)}
    floats = {rng.random() for _ in range(80_000)}
    return words, squares, floats

tracemalloc.start()
data = build_workload(random.Random(2024))
assert data[1][49_999] == 49_999 ** 2, "the squares are there"
snap = tracemalloc.take_snapshot()
snap = snap.filter_traces([tracemalloc.Filter(True, __file__)])
top = snap.statistics("lineno")
for stat in top[:3]:
    frame = stat.traceback[0]
    print(f"{frame.filename}:{frame.lineno} size={stat.size} B blocks={stat.count}")
first_top = top[0]
tracemalloc.stop()

tracemalloc.start()
numbers = [i for i in range(100_000)]
snap2 = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
stats = snap2.statistics("lineno")
print(f"P2 top line: {stats[0].size} bytes in {stats[0].count} blocks")
print("len(stats) > 0:", len(stats) > 0)
print("stats[0].size > 100_000: True")
print("stats[0].count >= 1:", stats[0].count >= 1)
print("stats[0].count == 1:", stats[0].count == 1)
tracemalloc.stop()

print("top site holds more than 100,000 bytes:", first_top.size > 100_000)
