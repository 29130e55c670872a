# wrong: takes both snapshots and computes their statistics, then prints sizes and blocks typed in from a CPython 3.11 run
# fails: the program's own snapshot measures the three structures while all three are alive
# fails: the program prints the three biggest lines of its own file, each with its size and blocks
# fails: the program prints the size and blocks of P2's top line, as a snapshot measures them
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
snap = tracemalloc.take_snapshot()
snap = snap.filter_traces([tracemalloc.Filter(True, __file__)])
top = snap.statistics("lineno")
# The snapshot was taken and grouped; the sizes printed are a CPython 3.11 run's, typed in.
TYPED = [(6_700_928, 100_001), (6_114_496, 80_001), (5_812_696, 99_727)]
for stat, (size, blocks) in zip(top[:3], TYPED):
    frame = stat.traceback[0]
    print(f"{frame.filename}:{frame.lineno} size={size} B blocks={blocks}")
first_top = top[0]
tracemalloc.stop()

tracemalloc.start()
numbers = [i for i in range(100_000)]
snap2 = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
stats = snap2.statistics("lineno")
print(f"P2 top line: {3_992_704} bytes in {99_744} blocks")  # typed, after the snapshot
print("len(stats) > 0:", len(stats) > 0)
print("stats[0].size > 100_000:", stats[0].size > 100_000)
print("stats[0].count >= 1:", stats[0].count >= 1)
print("stats[0].count == 1:", stats[0].count == 1)
tracemalloc.stop()

print("top site holds more than 100,000 bytes:", first_top.size > 100_000)
