# wrong: half the task: the statements and the list of lists, but no dict and a typed-in last line
# fails: each key count at which the dict's getsizeof changes is printed, and no other count
# fails: the program measures with sys.getsizeof: the statements, the lists and each step of the dict
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
print("shallow:", sys.getsizeof(rows))
print("deep:", sys.getsizeof(rows) + sum(sys.getsizeof(r) for r in rows))
print("the shallow size ignores what the slots refer to: True")
