# wrong: step 3's item total is computed with sum(map(sys.getsizeof, ...)) and then overwritten by list_peak minus getsizeof(list), so the printed figure is not the items' sizes
# fails: the program prints `sys.getsizeof` of the list and its items' sizes added together
import sys
import tracemalloc


def traced_peak(compute):
    tracemalloc.start()
    result = compute()
    _, peak = tracemalloc.get_traced_memory()
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
print(f"List version:      total {list_total}, peak {list_peak:,} bytes")
print(f"Generator version: total {gen_total}, peak {gen_peak:,} bytes")

squares = [k * k for k in range(n)]
list_bytes = sys.getsizeof(squares)
items_bytes = sum(map(sys.getsizeof, squares))
items_bytes = list_peak - list_bytes  # whatever the peak held beyond the list itself
print(f"sys.getsizeof(squares) = {list_bytes:,} bytes for the list of pointers alone")
print(f"the {len(squares):,} int objects it points to add up to {items_bytes:,} bytes")
print(f"together {list_bytes + items_bytes:,} bytes")
del squares

gen = (k * k for k in range(n))
first = sum(gen)
second = sum(gen)
print(f"Summing the same generator twice: first {first}, second {second}")
try:
    len(k * k for k in range(n))
except TypeError as exc:
    print(f"len() on a generator expression: TypeError: {exc}")

print(f"same total, smaller peak with the generator: {list_total == gen_total and gen_peak < list_peak}")
