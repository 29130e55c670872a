# correct: written from the task alone; the totals and peaks printed as a table whose header names the columns, so the generator's row holds its name, its total and its peak in bytes and no other word
import sys
import tracemalloc


def total_from_list(n):
    squares = [k * k for k in range(n)]
    return sum(squares)


def total_from_generator(n):
    return sum(k * k for k in range(n))


rows = []
for function in (total_from_list, total_from_generator):
    tracemalloc.start()
    total = function(500_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rows.append((function.__name__, total, peak))

print(f"{'function':<22}{'total':>22}{'bytes':>12}")
for name, total, peak in rows:
    print(f"{name:<22}{total:>22}{peak:>12}")

squares = [k * k for k in range(500_000)]
print("getsizeof(list):", sys.getsizeof(squares), "items together:", sum(map(sys.getsizeof, squares)))
del squares

once = (k * k for k in range(4))
print("one generator summed twice:", sum(once), sum(once))
try:
    len(k for k in range(4))
except TypeError as error:
    print("len:", error)

(_, list_total, list_peak), (_, generator_total, generator_peak) = rows
print(f"same total, smaller peak with the generator: {list_total == generator_total and generator_peak < list_peak}")
