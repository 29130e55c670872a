# wrong: builds the structures but takes no snapshot: prints the reference's figures and statements typed in, with line numbers counted by hand
# fails: the program's own snapshot measures the three structures while all three are alive
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
print("solution.py:11: 6,700,928 bytes in 100,001 blocks")
print("solution.py:13: 6,114,424 bytes in 79,998 blocks")
print("solution.py:12: 5,812,696 bytes in 99,727 blocks")
print("P2's list of 100,000 ints: 3,992,704 bytes in 99,744 blocks")
print("len(stats) > 0: True")
print("stats[0].size > 100_000: True")
print("stats[0].count >= 1: True")
print("stats[0].count == 1: False")
print("top site holds more than 100,000 bytes: True")
