# wrong: the last line's 'long' list holds a 1,000-character string (len(rows[0])), not the 10,000-character string the task names
# fails: the last line's answer comes from `sys.getsizeof` of the two lists: run again with it measuring otherwise, the answer follows
import sys

STATEMENTS = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]
for statement in STATEMENTS:
    value = eval(statement, {"sys": sys})
    print(f"{statement}: {value}")

rows = [[0] * 1000 for _ in range(3)]
outer_only = sys.getsizeof(rows)
with_inner = outer_only
for inner in rows:
    with_inner += sys.getsizeof(inner)
print(f"getsizeof(rows): {outer_only} bytes")
print(f"rows plus its three inner lists: {with_inner} bytes")

table = {}
history = [(0, sys.getsizeof(table))]
for key in range(1, 23):
    table[key] = key
    history.append((key, sys.getsizeof(table)))
for (_, before), (count, after) in zip(history, history[1:]):
    if after != before:
        print(f"getsizeof(table) changes when key number {count} goes in")

long_holder = ["x" * len(rows[0])]
short_holder = ["x"]
print("the shallow size ignores what the slots refer to: "
      f"{sys.getsizeof(long_holder) == sys.getsizeof(short_holder)}")
