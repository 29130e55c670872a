# wrong: the size with the inner lists adds the first inner list's getsizeof three times (held-out round 7; the lists are alike, so only a getsizeof that tells them apart shows it)
# fails: the size with the inner lists adds each inner list's own `sys.getsizeof`: run again with one that gives each 1,000-element list its own extra bytes, it grows by three different lists' extras
import sys

# The exercise text printed by show.py does not list the five statements, so
# these are my reading of what the task and its hints describe.
STATEMENTS = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]
for statement in STATEMENTS:
    print(f"{statement}: {eval(statement, {'sys': sys})}")

rows = [[0] * 1000 for _ in range(3)]
outer = sys.getsizeof(rows)
with_inner = outer + sum(sys.getsizeof(row) for row in [rows[0]] * len(rows))
print(f"getsizeof(rows): {outer} bytes")
print(f"getsizeof(rows) plus each inner list: {with_inner} bytes")

table = {}
previous = sys.getsizeof(table)
for key in range(1, 23):
    table[key] = None
    current = sys.getsizeof(table)
    if current != previous:
        print(f"dict size changes at {key} keys: {previous} -> {current} bytes")
    previous = current

big = ["x" * 10_000]
small = ["x"]
print(f"the shallow size ignores what the slots refer to: {sys.getsizeof(big) == sys.getsizeof(small)}")
