# correct: written from the task alone, another way: a small Measured record per run, the generator version with a loop over a generator function's values, items' sizes with sum(map(...)), the second sum kept in a variable, the len() error's type printed, "=" in the last line
import sys
import tracemalloc
from collections import namedtuple

Measured = namedtuple("Measured", "total peak")


def run_traced(fn, *args):
    tracemalloc.start()
    try:
        value = fn(*args)
        _, high = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return Measured(value, high)


def total_from_list(n):
    all_squares = [k * k for k in range(n)]
    return sum(all_squares)


def _squares(n):
    k = 0
    while k < n:
        yield k * k
        k += 1


def total_from_generator(n):
    acc = 0
    for sq in _squares(n):
        acc += sq
    return acc


SIZE = 500_000
eager = run_traced(total_from_list, SIZE)
lazy = run_traced(total_from_generator, SIZE)
print(f"from a list:      {eager.total:,} (peak {eager.peak / 1024:,.1f} KiB)")
print(f"from a generator: {lazy.total:,} (peak {lazy.peak} B)")

materialised = [k * k for k in range(SIZE)]
print(f"getsizeof(list) = {sys.getsizeof(materialised):,} B; "
      f"items together = {sum(map(sys.getsizeof, materialised)):,} B")
del materialised

once = (k * k for k in range(100))
first = sum(once)
second = sum(once)
print(f"same generator summed twice: {first} then {second}")
try:
    print(len(k for k in range(3)))
except TypeError as problem:
    print(f"len() of a generator expression raised {type(problem).__name__}: {problem}")

agree = eager.total == lazy.total
lower = lazy.peak < eager.peak
print("same total, smaller peak with the generator =", agree and lower)
