"""Heapwise reference program for shallow-vs-deep-size (P1).

sys.getsizeof reports a container's own memory: its header and its table of
references. What the references point to is not included. The program
evaluates five statements about that, the course's three P1 statements
first (printed verbatim with their value), then shows the gap between the shallow and the full size of a list of lists
and how a dict's own size steps up as keys arrive.
"""
import platform
import struct
import sys
import time

REPEATS = 5  # timed rounds; the fastest is the least disturbed by the rest of the machine


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


def table_size_and_sum(rows, row_len):
    """What the Rust variant does: build rows x row_len numbers, take the
    table's shallow size, and add up every number."""
    table = [[(r * 31 + c * 7) % 1_000 for c in range(row_len)] for r in range(rows)]
    return sys.getsizeof(table), sum(map(sum, table))


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

STATEMENTS = [
    # The course's three P1 statements (literals, as the course writes them).
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    # The second one again, with both lists built the same way, then two more.
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]
for statement in STATEMENTS:
    # Evaluating the text itself guarantees the printed statement is the code run.
    print(f"{statement}: {eval(statement, {'sys': sys})}")

rows = [[0] * 1000 for _ in range(3)]
shallow = sys.getsizeof(rows)
with_rows = shallow + sum(sys.getsizeof(row) for row in rows)
print(f"three 1,000-element lists in a list: shallow {shallow:,} bytes, "
      f"with the inner lists {with_rows:,} bytes")

# Literals of constants are built differently from other lists, so equal-
# looking lists can report different sizes for reasons unrelated to content.
print(f"size of the literal [[1, 2, 3], [4, 5, 6], [7, 8, 9]]: {sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]])} bytes, "
      f"of the literal [1, 2, 3]: {sys.getsizeof([1, 2, 3])} bytes")
print(f"size of [0 for _ in range(3)]: {sys.getsizeof([0 for _ in range(3)])} bytes, "
      f"of [[0] * 1000 for _ in range(3)]: {sys.getsizeof([[0] * 1000 for _ in range(3)])} bytes")

table = {}
steps = [(0, sys.getsizeof(table))]
for key in range(1, 23):
    table[key] = None
    if sys.getsizeof(table) != steps[-1][1]:
        steps.append((key, sys.getsizeof(table)))
print("dict size as keys arrive: "
      + ", ".join(f"{keys} key{'' if keys == 1 else 's'} {size:,} bytes" for keys, size in steps))

# Building a table of 50 rows of 60 numbers, taking its shallow size and
# adding up every number, timed (100 calls a round): the page sets this
# figure beside the Rust variant, which does exactly that.
micros = best_time_us(lambda: table_size_and_sum(50, 60), calls=100)
print(f"timing: variant optimized at rows=50, row_len=60: {micros:.1f} us per call, best of {REPEATS} "
      "(tracemalloc off)")

print(f"the shallow size ignores what the slots refer to: {sys.getsizeof(['x' * 10_000]) == sys.getsizeof(['x'])}")
