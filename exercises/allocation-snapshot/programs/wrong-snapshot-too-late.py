# wrong: the snapshot is taken after the workload's result has been dropped, so the three structures are not in it
# fails: the program's own snapshot measures the three structures while all three are alive
# fails: the program prints the three biggest lines of its own file, each with its size and blocks
import random
import string
import tracemalloc


def build_workload(rng):
    words = ["".join(rng.choices(string.ascii_lowercase, k=10)) for _ in range(100_000)]
    squares = {i: i * i for i in range(50_000)}
    floats = {rng.random() for _ in range(80_000)}
    return words, squares, floats


tracemalloc.start()
build_workload(random.Random(2024))
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()
stats = snapshot.filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno")
for stat in stats[:3]:
    print(stat)
top = stats[0].size if stats else 0

tracemalloc.start()
numbers = [i for i in range(100_000)]
stats = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno")
tracemalloc.stop()
print(f"P2: {stats[0].size:,} bytes in {stats[0].count:,} blocks")
print(f"len(stats) > 0: {len(stats) > 0}")
print(f"stats[0].size > 100_000: {stats[0].size > 100_000}")
print(f"stats[0].count >= 1: {stats[0].count >= 1}")
print(f"stats[0].count == 1: {stats[0].count == 1}")
print(f"top site holds more than 100,000 bytes: {top > 100_000}")
