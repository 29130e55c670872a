# wrong: the statements are evaluated but not printed (mutant: the statements are not printed)
# fails: each of the five statements is printed with the value it has when evaluated
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
    eval(statement, {'sys': sys})

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

# Building the three lists and taking the shallow size, timed (1,000 calls a
# round: one call takes microseconds). The page sets this figure beside the
# Rust variant that builds a table of 3,000 numbers too, in 50 rows of 60 (a
# Rust row holds at most 64), and takes its shallow size.
micros = best_time_us(lambda: sys.getsizeof([[0] * 1000 for _ in range(3)]), calls=1_000)
print(f"timing: variant optimized at rows=50, row_len=60: {micros:.1f} us per call, best of {REPEATS} "
      "(tracemalloc off)")

print(f"the shallow size ignores what the slots refer to: {sys.getsizeof(['x' * 10_000]) == sys.getsizeof(['x'])}")
