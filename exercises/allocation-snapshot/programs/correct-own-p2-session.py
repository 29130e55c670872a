# correct: written from the task alone (held-out round 7): P2 traced in a tracemalloc session of its own, the statements printed from a list of (text, value) pairs
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
mine = snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
top_lines = mine.statistics("lineno")
print("three biggest lines of the workload:")
for stat in top_lines[:3]:
    print(" ", stat)
workload_top = top_lines[0]

# P2: trace the list on its own
tracemalloc.stop()
tracemalloc.start()
numbers = [i for i in range(100_000)]
second = tracemalloc.take_snapshot()
stats = second.filter_traces([tracemalloc.Filter(True, __file__)]).statistics("lineno")
head = stats[0]
print(f"P2 top line {head.traceback[0].lineno}: size {head.size:,} bytes, {head.count:,} blocks")
print("len(stats) > 0:", len(stats) > 0)
for text, value in [("stats[0].size > 100_000", stats[0].size > 100_000),
                    ("stats[0].count >= 1", stats[0].count >= 1),
                    ("stats[0].count == 1", stats[0].count == 1)]:
    print(f"{text}: {value}")
tracemalloc.stop()

print("top site holds more than 100,000 bytes:", workload_top.size > 100_000)
