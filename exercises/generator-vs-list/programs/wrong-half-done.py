# wrong: half the task: both functions traced and the conclusion printed, but no sizes of the list and its items, no generator summed twice, no len()
# fails: the program prints `sys.getsizeof` of the list and its items' sizes added together
# fails: the program sums one generator object twice and prints both sums
# fails: the program shows that `len()` does not work on a generator
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


print(f"same total, smaller peak with the generator: {list_total == gen_total and gen_peak < list_peak}")
