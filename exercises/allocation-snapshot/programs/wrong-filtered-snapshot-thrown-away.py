# wrong: written from the task and the page's list of checks (round 22): `filter_traces`'s result thrown away, so the three lines are ranked from every file's traces
# fails: the three lines printed are of the program's own file: run again with another file holding more, they stay its own
# reading: "random ten-letter strings" = ten lowercase ASCII letters drawn with rng.choices;
# "a set of 80,000 random floats" = a set built from 80,000 rng.random() draws (collisions are
# practically impossible, so it holds 80,000 floats).  For P2 I stop tracemalloc and start it
# again, so the second snapshot sees only the list comprehension.
import random
import string
import sys
import time
import tracemalloc
from contextlib import contextmanager

LETTERS = string.ascii_lowercase


def build_workload(rng):
    words = ["".join(rng.choices(LETTERS, k=10)) for _ in range(100_000)]
    squares = {i: i * i for i in range(50_000)}
    floats = {rng.random() for _ in range(80_000)}
    return words, squares, floats


@contextmanager
def tracing():
    """Start tracemalloc for the block, stop it (and drop its traces) afterwards."""
    tracemalloc.start()
    try:
        yield
    finally:
        tracemalloc.stop()


def own_lines(snapshot):
    snapshot.filter_traces([tracemalloc.Filter(True, __file__)])
    return snapshot.statistics("lineno")


report = {}

with tracing():
    t0 = time.perf_counter()
    data = build_workload(random.Random(2024))
    build_seconds = time.perf_counter() - t0
    snap = tracemalloc.take_snapshot()          # all three structures still alive
    top = own_lines(snap)

    words, squares, floats = data
    report["one word"] = sys.getsizeof(words[0])
    report["one float"] = sys.getsizeof(next(iter(floats)))
    report["one int"] = sys.getsizeof(squares[49_999])
    sys.stdout.write("built %d words, %d squares, %d floats in %.3f s\n"
                     % (len(words), len(squares), len(floats), build_seconds))

    print("three biggest lines of this file:")
    for rank, stat in enumerate(top[:3], start=1):
        print(f"  #{rank} {stat}")
    for name, size in report.items():
        print("{:<10} {:>4} bytes".format(name + ":", size))

first_top = top[0]
del data, words, squares, floats

# --- P2: the list comprehension on its own -----------------------------------
with tracing():
    numbers = [i for i in range(100_000)]
    snap2 = tracemalloc.take_snapshot()
    stats = own_lines(snap2)

lead = stats[0]
print(f"P2 top line: {lead.size} bytes ({lead.size / 1024:.1f} KiB) in {lead.count} blocks")
statements = {
    "len(stats) > 0": len(stats) > 0,
    "stats[0].size > 100_000": stats[0].size > 100_000,
    "stats[0].count >= 1": stats[0].count >= 1,
    "stats[0].count == 1": stats[0].count == 1,
}
for text, value in statements.items():
    print(f"{text}: {value}")

print("top site holds more than 100,000 bytes:", first_top.size > 100_000)
