# wrong: measures one inner list and multiplies it by three instead of adding the getsizeof of each inner list
# fails: the shallow size of the list of three 1,000-element lists is printed, then with the inner lists added
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
shallow = sys.getsizeof(rows)
deep = shallow + sys.getsizeof(rows[0]) * 3  # one inner list measured, times three
print(f"getsizeof(rows) = {shallow}")
print(f"with the inner lists = {deep}")

table = {}
size = sys.getsizeof(table)
for key in range(1, 23):
    table[key] = None
    now = sys.getsizeof(table)
    if now != size:
        print(f"{key} keys: {size} -> {now} bytes")
        size = now

print("the shallow size ignores what the slots refer to:",
      sys.getsizeof(["x" * 10_000]) == sys.getsizeof(["x"]))
