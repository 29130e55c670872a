# correct: round 9 (written from the task alone): P2 traced after tracemalloc.stop() and start(); in the check's small run its globals dict grew on P2's line (a 768-byte block beside the list's), which the check now leaves no room for
import random
import string
import tracemalloc

ALPHABET = string.ascii_lowercase
MINE = [tracemalloc.Filter(True, __file__)]


def build_workload(rng):
    words = ["".join(rng.choices(ALPHABET, k=10)) for _ in range(100_000)]
    squares = {k: k * k for k in range(50_000)}
    floats = {rng.random() for _ in range(80_000)}
    return words, squares, floats


def my_lines(snapshot):
    """Statistics per line, restricted to this file, biggest first."""
    return snapshot.filter_traces(MINE).statistics("lineno")


# Part 1: which line holds the memory?
tracemalloc.start()
data = build_workload(random.Random(2024))
first_snapshot = tracemalloc.take_snapshot()   # data is still alive here
workload_stats = my_lines(first_snapshot)
print("Three biggest lines of this file:")
for stat in workload_stats[:3]:
    print(stat)
workload_top = workload_stats[0]
tracemalloc.stop()          # stops tracing and drops the first part's traces

# Part 2 (P2): a list comprehension traced on its own
tracemalloc.start()
numbers = [i for i in range(100_000)]
second_snapshot = tracemalloc.take_snapshot()
stats = my_lines(second_snapshot)
tracemalloc.stop()
print(f"P2 top line: size={stats[0].size} B, blocks={stats[0].count}")
predictions = [
    ("len(stats) > 0", len(stats) > 0),
    ("stats[0].size > 100_000", stats[0].size > 100_000),
    ("stats[0].count >= 1", stats[0].count >= 1),
    ("stats[0].count == 1", stats[0].count == 1),
]
for text, value in predictions:
    print(f"{text}: {value}")

print("top site holds more than 100,000 bytes: " + str(workload_top.size > 100_000))
