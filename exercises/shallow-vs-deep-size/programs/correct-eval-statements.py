# correct: written from the task alone (held-out round 7), the starter's statements evaluated with eval, the inner lists summed with a generator
import sys

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
with_inner = outer + sum(sys.getsizeof(inner) for inner in rows)
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
