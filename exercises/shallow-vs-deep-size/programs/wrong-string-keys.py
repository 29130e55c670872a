# wrong: the dict measured is keyed by the strings "1".."22", not the keys 1 to 22 (a str-keyed dict has a different, smaller layout), so the change points printed are those of another dict
# fails: the key counts printed follow one dict's `sys.getsizeof` as it grows: run again with one under which a dict of the keys 1 to k grows at every third key (another dict, or one of other keys, measures differently), they are 3, 6, ..., 21
import sys

STATEMENTS = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]
for statement in STATEMENTS:
    code = compile(statement, "<statement>", "eval")
    print(f"{statement}: {eval(code, {'sys': sys})}")

rows = [[0] * 1000 for _ in range(3)]
outer = sys.getsizeof(rows)
print(f"getsizeof(rows), the outer list alone: {outer} bytes")
inner = [sys.getsizeof(row) for row in rows]
print(f"plus each inner list ({' + '.join(map(str, inner))}): {outer + sum(inner)} bytes")

table = {}
sizes = [sys.getsizeof(table)]          # sizes[k] = getsizeof with k keys
for key in range(1, 23):
    table[str(key)] = key
    sizes.append(sys.getsizeof(table))
steps = [k for k in range(1, len(sizes)) if sizes[k] != sizes[k - 1]]
for k in steps:
    print(f"getsizeof(table) changes when key count reaches {k}")

long_one = ["x" * 10_000]
short_one = ["x"]
print("the shallow size ignores what the slots refer to:",
      sys.getsizeof(long_one) == sys.getsizeof(short_one))
