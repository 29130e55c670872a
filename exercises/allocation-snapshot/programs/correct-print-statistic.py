# correct: written from the task alone, a third way: prints each Statistic as it is (sizes in KiB, "count="), a dict comprehension of squares with pow, the statements in quotes, the conclusion with "->"
import random
import string
import tracemalloc


def build_workload(rng):
    words = [''.join(rng.choice(string.ascii_lowercase) for _ in range(10)) for _ in range(100_000)]
    squares = {n: pow(n, 2) for n in range(50_000)}
    floats = set(rng.random() for _ in range(80_000))
    return words, squares, floats


tracemalloc.start()
data = build_workload(random.Random(2024))
snapshot = tracemalloc.take_snapshot()
top = snapshot.filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno")
for stat in top[:3]:
    print(stat)
workload_top = top[0].size
tracemalloc.stop()

tracemalloc.start()
numbers = [i for i in range(100_000)]
stats = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno")
tracemalloc.stop()
print(stats[0])
print("'len(stats) > 0' ->", len(stats) > 0)
print("'stats[0].size > 100_000' ->", stats[0].size > 100_000)
print("'stats[0].count >= 1' ->", stats[0].count >= 1)
print("'stats[0].count == 1' ->", stats[0].count == 1)
print("top site holds more than 100,000 bytes ->", workload_top > 100_000)
