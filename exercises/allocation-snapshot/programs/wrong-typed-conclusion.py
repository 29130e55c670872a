# wrong: everything measured and printed, but the last line's answer is typed in, not the check on the first workload's top line
# fails: the program concludes: top site holds more than 100,000 bytes: True
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
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
top = snap.statistics("lineno")
for stat in top[:3]:
    print(stat)
tracemalloc.stop()

tracemalloc.start()
numbers = [i for i in range(100_000)]
stats = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno")
tracemalloc.stop()
print(f"P2 top line: {stats[0].size} bytes, {stats[0].count} blocks")
print("len(stats) > 0:", len(stats) > 0)
print("stats[0].size > 100_000:", stats[0].size > 100_000)
print("stats[0].count >= 1:", stats[0].count >= 1)
print("stats[0].count == 1:", stats[0].count == 1)
print("top site holds more than 100,000 bytes: True")
