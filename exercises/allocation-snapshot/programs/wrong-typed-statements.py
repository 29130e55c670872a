# wrong: measures both snapshots and prints their figures, but P2's four statements are typed in as the course's answers, not computed from `stats`
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
print("len(stats) > 0: True")
print("stats[0].size > 100_000: True")
print("stats[0].count >= 1: True")
print("stats[0].count == 1: False")
print("top site holds more than 100,000 bytes:", top[0].size > 100_000)
