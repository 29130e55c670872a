# wrong: the last line compares the getsizeof of the two strings themselves, not of the one-element lists holding them
# fails: the program ends by saying whether the shallow size ignores what the slots refer to, as measured
import sys

CHECKS = [
    ("sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
     lambda: sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])),
    ("sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
     lambda: sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])),
    ("sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
     lambda: sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})),
    ("sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
     lambda: sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])),
    ("sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
     lambda: sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])),
]
for text, test in CHECKS:
    print(f"{text}: {test()}")

rows = [[0] * 1000 for _ in range(3)]
outer = sys.getsizeof(rows)
print("outer list only:", outer, "bytes")
total = outer
for inner in rows:
    total = total + sys.getsizeof(inner)
print("outer plus the three inner lists:", total, "bytes")

table = {}
previous = sys.getsizeof(table)
changes = []
key = 1
while key <= 22:
    table[key] = None
    now = sys.getsizeof(table)
    if now != previous:
        changes.append(key)
        print(f"size changed at {key} keys: {previous} -> {now}")
    previous = now
    key += 1
print("change points:", changes)

long_one = sys.getsizeof("x" * 10_000)
short_one = sys.getsizeof("x")
print("the shallow size ignores what the slots refer to:", long_one == short_one)
