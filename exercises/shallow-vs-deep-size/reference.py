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

print(f"the shallow size ignores what the slots refer to: {sys.getsizeof(['x' * 10_000]) == sys.getsizeof(['x'])}")
