# wrong: the dict and the lists are measured, but each statement's value and the last line's answer are typed (right for this interpreter, whatever getsizeof says)
# fails: each value printed is what the statement evaluates to in the program: run again with `sys.getsizeof` measuring differently, the printed values follow it
# fails: the last line's answer comes from `sys.getsizeof` of the two lists: run again with it measuring otherwise, the answer follows
import sys

STATEMENTS = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]
VALUES = [True, False, True, True, False]
for statement, value in zip(STATEMENTS, VALUES):
    print(f"{statement}: {value}")

rows = [[0] * 1000 for _ in range(3)]
shallow = sys.getsizeof(rows)
deep = shallow + sum(sys.getsizeof(row) for row in rows)
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

print("the shallow size ignores what the slots refer to: True")
