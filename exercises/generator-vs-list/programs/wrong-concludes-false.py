# wrong: concludes False (the reference with one slip)
# fails: the last line says whether the totals agree and the generator's peak is lower, as measured
"""Heapwise reference program for generator-vs-list (O2, L-ref exercise 1, L-288 §3).

Adds up the squares of 0, 1, ..., n - 1 two ways: through a list that holds
every square before the sum starts, and through a generator expression that
produces one square at a time. tracemalloc reports the peak of each; then the
program looks at where the list's bytes went and at how a generator behaves
once it has run out.
"""
import platform
import struct
import sys
import time
import tracemalloc


def traced_peak(compute):
    """Call compute() with tracemalloc running; return (its result, peak bytes)."""
    tracemalloc.start()
    result = compute()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


def total_from_list(n):
    squares = [k * k for k in range(n)]  # all n squares exist at once
    return sum(squares)


def total_from_generator(n):
    return sum(k * k for k in range(n))  # one square exists at a time


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


def mib(size):
    return size / 2**20


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

n = 500_000
list_total, list_peak = traced_peak(lambda: total_from_list(n))
generator_total, generator_peak = traced_peak(lambda: total_from_generator(n))
print(f"sum of k*k for k below {n:,}: {list_total:,} (list), {generator_total:,} (generator)")
print(f"list comprehension, peak: {list_peak:,} bytes ({mib(list_peak):.1f} MiB)")
print(f"generator expression, peak: {generator_peak:,} bytes")

# The course's figure is for 1,000,000 items: measure at that size too.
big = 1_000_000
_, big_list_peak = traced_peak(lambda: total_from_list(big))
_, big_generator_peak = traced_peak(lambda: total_from_generator(big))
print(f"at {big:,} items: list comprehension, peak: {big_list_peak:,} bytes ({mib(big_list_peak):.1f} MiB); "
      f"generator expression, peak: {big_generator_peak:,} bytes")
print(f"at {big:,} items, the pointers alone: {big * struct.calcsize('P'):,} bytes "
      f"({mib(big * struct.calcsize('P')):.1f} MiB)")

# Where the list's peak comes from: its array of pointers, and one int
# object per square (squares from 2**30 up need a second 30-bit digit).
squares = [k * k for k in range(n)]
print(f"the list object (sys.getsizeof): {sys.getsizeof(squares):,} bytes for {len(squares):,} items")
pointer = struct.calcsize("P")
print(f"one slot is one pointer, {pointer} bytes: {n:,} slots alone would be {n * pointer:,} bytes")
print(f"its items, sys.getsizeof summed: {sum(map(sys.getsizeof, squares)):,} bytes")
print(f"sizes of single squares: {sys.getsizeof(squares[1_000])} bytes for {squares[1_000]:,}, "
      f"{sys.getsizeof(squares[-1])} bytes for {squares[-1]:,}")
del squares

fresh = (k * k for k in range(n))
print(f"an unstarted generator object (sys.getsizeof): {sys.getsizeof(fresh)} bytes")

# A generator can be consumed only once; afterwards it is empty, not reset.
few = (k * k for k in range(5))
first_pass = sum(few)
second_pass = sum(few)
print(f"sum over a fresh generator: {first_pass}, the same generator again: {second_pass}")

try:
    len(k * k for k in range(5))
    has_len = True
except TypeError as error:
    has_len = False
    print(f"TypeError: {error}")

print(f"a generator expression supports len(): {has_len}")
print(f"summing the same generator twice gives the same total twice: {first_pass == second_pass}")
print(f"the list and the generator give the same total: {list_total == generator_total}")
# The generator's sum untraced: the page sets this time beside the Rust
# variant that sums the same squares straight from an iterator.
us = best_time_us(lambda: total_from_generator(n))
print(f"timing: variant optimized at n={n}: {us:.1f} us per call, best of 5 (tracemalloc off)")
print(f"same total, smaller peak with the generator: {False}")
