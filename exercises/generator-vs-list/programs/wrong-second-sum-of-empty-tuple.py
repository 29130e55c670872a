# wrong: the generator is summed only once; the 'second sum' is sum() of an empty tuple, the 0 an exhausted generator would give typed in rather than observed from the same generator object
# fails: the program sums one generator object twice and prints both sums
import struct
import sys
import tracemalloc


def traced_peak(compute):
    tracemalloc.start()
    try:
        result = compute()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def total_from_list(n):
    squares = [k * k for k in range(n)]
    return sum(squares)


def squares_of(n):
    k = 0
    while k < n:
        yield k * k
        k += 1


def total_from_generator(n):
    return sum(squares_of(n))


n = 500_000
list_total, list_peak = traced_peak(lambda: total_from_list(n))
gen_total, gen_peak = traced_peak(lambda: total_from_generator(n))
print(f"list:      total {list_total}, traced peak {list_peak:,} bytes")
print(f"generator: total {gen_total}, traced peak {gen_peak:,} bytes")

squares = [k * k for k in range(n)]
shell = sys.getsizeof(squares)
contents = sum(map(sys.getsizeof, squares))
pointer = struct.calcsize("P")
print(f"the list object itself: {shell:,} bytes ({pointer} bytes per slot pointer)")
print(f"its {len(squares):,} int objects together: {contents:,} bytes")
del squares

once = (k * k for k in range(10))
first_pass = sum(once)
second_pass = sum(())  # what is left of `once`
print(f"one generator summed twice: {first_pass} then {second_pass}")

try:
    len(k * k for k in range(10))
except TypeError as error:
    print(f"len() on a generator expression: {type(error).__name__}: {error}")

print("same total, smaller peak with the generator:",
      list_total == gen_total and gen_peak < list_peak)
