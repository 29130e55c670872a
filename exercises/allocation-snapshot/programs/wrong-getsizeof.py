# wrong: measures each structure with sys.getsizeof instead of a snapshot (the container only, not the strings, ints and floats in it) and finds the lines by hand
# fails: the program's own snapshot measures the three structures while all three are alive
# fails: the program prints the three biggest lines of its own file, each with its size and blocks
# fails: the program prints the size and blocks of P2's top line, as a snapshot measures them
import random
import string
import sys
import tracemalloc


def build_workload(rng):
    words = ["".join(rng.choices(string.ascii_lowercase, k=10)) for _ in range(100_000)]
    squares = {i: i * i for i in range(50_000)}
    floats = {rng.random() for _ in range(80_000)}
    return words, squares, floats


tracemalloc.start()
words, squares, floats = build_workload(random.Random(2024))
for lineno, thing in ((13, words), (14, squares), (15, floats)):
    print(f"solution.py:{lineno}: {sys.getsizeof(thing):,} bytes in {len(thing):,} blocks")
tracemalloc.stop()

numbers = [i for i in range(100_000)]
size, blocks = sys.getsizeof(numbers), len(numbers)
print(f"P2: {size:,} bytes in {blocks:,} blocks")
print(f"len(stats) > 0: {blocks > 0}")
print(f"stats[0].size > 100_000: {size > 100_000}")
print(f"stats[0].count >= 1: {blocks >= 1}")
print(f"stats[0].count == 1: {blocks == 1}")
print(f"top site holds more than 100,000 bytes: {sys.getsizeof(words) > 100_000}")
