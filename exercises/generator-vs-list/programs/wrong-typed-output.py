# wrong: the reference's functions, but nothing is traced or measured: every line is typed in from the recorded output
# fails: the program traces each function for 500,000 and prints both totals and both peaks
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


print('sum of k*k for k below 500,000: 41,666,541,666,750,000 (list), 41,666,541,666,750,000 (generator)')
print('list comprehension, peak: 20,166,984 bytes (19.2 MiB)')
print('generator expression, peak: 472 bytes')
print('at 1,000,000 items: list comprehension, peak: 40,448,360 bytes (38.6 MiB); generator expression, peak: 472 bytes')
print('at 1,000,000 items, the pointers alone: 8,000,000 bytes (7.6 MiB)')
print('the list object (sys.getsizeof): 4,167,352 bytes for 500,000 items')
print('one slot is one pointer, 8 bytes: 500,000 slots alone would be 4,000,000 bytes')
print('its items, sys.getsizeof summed: 15,868,928 bytes')
print('sizes of single squares: 28 bytes for 1,000,000, 32 bytes for 249,999,000,001')
print('an unstarted generator object (sys.getsizeof): 208 bytes')
print('sum over a fresh generator: 30, the same generator again: 0')
print("TypeError: object of type 'generator' has no len()")
print('a generator expression supports len(): False')
print('summing the same generator twice gives the same total twice: False')
print('the list and the generator give the same total: True')
print('same total, smaller peak with the generator: True')
