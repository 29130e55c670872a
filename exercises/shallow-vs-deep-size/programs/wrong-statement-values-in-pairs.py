# wrong: the five statement values are typed (copied from a run), not evaluated
# fails: each value printed is what the statement evaluates to in the program: run again with `sys.getsizeof` measuring differently, the printed values follow it
# fails: the program measures with sys.getsizeof: the statements, the lists and each step of the dict
import sys

claims = [
    ("sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])", True),
    ("sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])", False),
    ("sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})", True),
    ("sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])", True),
    ("sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])", False),
]
for claim, value in claims:
    print(f"{claim}: {value}")

outer = [[0] * 1000 for _ in range(3)]
shallow = sys.getsizeof(outer)
print("outer list alone:", shallow, "bytes")
print("outer plus its three inner lists:", shallow + sum(sys.getsizeof(i) for i in outer), "bytes")

d = {}
last = sys.getsizeof(d)
for k in range(1, 23):
    d[k] = None
    if sys.getsizeof(d) != last:
        last = sys.getsizeof(d)
        print(f"dict grew at {k} keys: {last}")

print("the shallow size ignores what the slots refer to:", sys.getsizeof(["x" * 10_000]) == sys.getsizeof(["x"]))
