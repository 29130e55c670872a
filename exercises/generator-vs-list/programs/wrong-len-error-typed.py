# wrong: 4, len() is never called on a generator expression; the TypeError message is printed from a literal.
# fails: the program shows that `len()` does not work on a generator
import sys
import tracemalloc

N = 500_000


class PeakProbe:
    """Context manager: traces only what happens inside the with-block."""

    def __enter__(self):
        tracemalloc.start()
        self.peak = None
        return self

    def __exit__(self, *exc):
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return False


def total_from_list(n):
    squares = [k * k for k in range(n)]
    return sum(squares)


def total_from_generator(n):
    return sum(k * k for k in range(n))


def run_traced(fn, n):
    with PeakProbe() as probe:
        value = fn(n)
    return value, probe.peak


results = {}
for label, fn in (("list", total_from_list), ("generator", total_from_generator)):
    results[label] = run_traced(fn, N)

sys.stdout.write("%-10s %22s %14s %10s\n" % ("variant", "total", "peak (bytes)", "peak KiB"))
for label, (total, peak) in results.items():
    sys.stdout.write("%-10s %22d %14d %10.1f\n" % (label, total, peak, peak / 1024))

# --- where do the list's bytes go? ------------------------------------------
squares = [k * k for k in range(N)]
shell = sys.getsizeof(squares)
items = sum(map(sys.getsizeof, squares))
print(f"getsizeof(list of {N:,} squares) = {shell:,} bytes (just the pointer array)")
print(f"getsizeof of its items added together = {items:,} bytes")
print(f"  -> the int objects are {items / shell:.1f}x the list itself")
del squares

# --- a generator is single-use ----------------------------------------------
gen = (k * k for k in range(N))
first_pass = sum(gen)
second_pass = sum(gen)
print("sum of the same generator, first time:", first_pass)
print("sum of the same generator, second time:", second_pass)

LEN_ERROR = "object of type 'generator' has no len()"
print("len() on a generator expression raises TypeError:", LEN_ERROR)

list_total, list_peak = results["list"]
gen_total, gen_peak = results["generator"]
verdict = list_total == gen_total and gen_peak < list_peak
print("same total, smaller peak with the generator: {}".format(verdict))
