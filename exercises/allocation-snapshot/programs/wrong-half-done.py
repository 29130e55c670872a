# wrong: half the task: the workload's snapshot and its top three lines, but no P2 (no second snapshot, no figures, no statements)
# fails: the program prints the size and blocks of P2's top line, as a snapshot measures them
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
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()
stats = snapshot.filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno")
for stat in stats[:3]:
    print(stat)
print(f"top site holds more than 100,000 bytes: {stats[0].size > 100_000}")
