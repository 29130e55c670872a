# wrong: sums the generator once and prints the second sum typed in as 0, never summing the same generator again
# fails: the program sums one generator object twice and prints both sums
import sys
import tracemalloc


def traced_peak(compute):
    tracemalloc.start()
    result = compute()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, peak


def total_from_list(n):
    squares = [k * k for k in range(n)]
    return sum(squares)


def total_from_generator(n):
    return sum(k * k for k in range(n))


n = 500_000
list_total, list_peak = traced_peak(lambda: total_from_list(n))
gen_total, gen_peak = traced_peak(lambda: total_from_generator(n))
print(f"list:      total {list_total}, peak {list_peak:,} bytes")
print(f"generator: total {gen_total}, peak {gen_peak:,} bytes")

squares = [k * k for k in range(n)]
items = 0
for value in squares:
    items += sys.getsizeof(value)
print(f"the list object itself: {sys.getsizeof(squares):,} bytes; its int items together: {items:,} bytes")
del squares

gen = (k * k for k in range(10))
print("first sum of the generator:", sum(gen))
print("second sum of the same generator: 0")
try:
    len(k * k for k in range(10))
except TypeError as err:
    print("len() on a generator:", err)

print(f"same total, smaller peak with the generator: {list_total == gen_total and gen_peak < list_peak}")
