# wrong: the last line's True only compares the two totals; the generator's peak is never compared with the list's
# fails: the last line says whether the totals agree and the generator's peak is lower, as measured
import sys
import tracemalloc

N = 500_000


class Traced:
    """with Traced() as t: ...  -> t.peak holds the traced peak of the block."""

    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return False


def total_from_list(n):
    squares = [k * k for k in range(n)]
    return sum(squares)


def squares_of(n):
    k = 0
    while k < n:
        yield k * k
        k += 1


def total_from_generator(n):
    running = 0
    for sq in squares_of(n):
        running += sq
    return running


with Traced() as t_list:
    from_list = total_from_list(N)
with Traced() as t_gen:
    from_gen = total_from_generator(N)

print(f"{'variant':<12}{'total':>20}{'peak bytes':>14}{'peak KiB':>11}")
for name, total, peak in (("list", from_list, t_list.peak), ("generator", from_gen, t_gen.peak)):
    print(f"{name:<12}{total:>20,}{peak:>14,}{peak / 1024:>11.1f}")

materialised = [k * k for k in range(N)]
shell = sys.getsizeof(materialised)
contents = 0
for value in materialised:
    contents += sys.getsizeof(value)
print()
print("where the list's bytes go:")
print(f"  list object (getsizeof)   {shell:>12,} B  {shell / 1024:>9.1f} KiB")
print(f"  its items, added together {contents:>12,} B  {contents / 1024:>9.1f} KiB")
materialised = None

once = squares_of(N)
print()
print("sum(once) ->", sum(once))
print("sum(once) again ->", sum(once))
try:
    print(len(x * x for x in range(10)))
except TypeError as err:
    print("len(generator expression) ->", type(err).__name__ + ":", err)

verdict = from_list == from_gen
print(f"same total, smaller peak with the generator: {verdict}")
