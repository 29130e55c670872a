# wrong: the first snapshot is ranked by line without keeping only the program's own file's traces (step 3)
# fails: the three lines printed are of the program's own file: run again with another file holding more, they stay its own
# fails: the program concludes: top site holds more than 100,000 bytes: True
import random
import string
import tracemalloc

LETTERS = string.ascii_lowercase


def build_workload(gen):
    strings = ["".join(gen.choice(LETTERS) for _ in range(10)) for _ in range(100_000)]
    sq = {k: k * k for k in range(50_000)}
    fl = {gen.random() for _ in range(80_000)}
    return strings, sq, fl


def mine(snap):
    return snap.filter_traces([tracemalloc.Filter(True, __file__)])


tracemalloc.start()
workload = build_workload(random.Random(2024))
snap1 = tracemalloc.take_snapshot()
by_line = snap1.statistics("lineno")
print("three heaviest lines:")
for st in by_line[:3]:
    print("  ", st)
first_top = by_line[0]
tracemalloc.stop()

tracemalloc.start()
numbers = [i for i in range(100_000)]
snap2 = tracemalloc.take_snapshot()
stats = mine(snap2).statistics("lineno")
print(f"P2 top line: {stats[0].size} bytes, {stats[0].count} blocks")
for expr in ["len(stats) > 0", "stats[0].size > 100_000", "stats[0].count >= 1", "stats[0].count == 1"]:
    print(f"{expr}: {eval(expr)}")
tracemalloc.stop()
print(f"top site holds more than 100,000 bytes: {first_top.size > 100_000}")
