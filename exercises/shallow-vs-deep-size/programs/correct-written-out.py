# correct: written from the task alone; statements written out as code beside their text, rows built with a literal of three lists, change points collected in one line, other wording
from sys import getsizeof

checks = [
    ("sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
     lambda: getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > getsizeof([1, 2, 3])),
    ("sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
     lambda: getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == getsizeof([1, 2, 3])),
    ("sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
     lambda: getsizeof(dict.fromkeys('abcdefghi')) > getsizeof({})),
    ("sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
     lambda: getsizeof([[0] * 1000 for _ in range(3)]) == getsizeof([0 for _ in range(3)])),
    ("sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
     lambda: getsizeof(['x' * 10_000]) > getsizeof(['x'])),
]
for text, test in checks:
    print(text + ": " + str(test()))

a = [0] * 1000
b = [0] * 1000
c = [0] * 1000
outer = [a, b, c]
print("outer list alone:", getsizeof(outer), "bytes")
total = getsizeof(outer)
for inner in outer:
    total += getsizeof(inner)
print("outer plus its three lists:", total, "bytes")

d = {}
changes = []
last = getsizeof(d)
k = 1
while k <= 22:
    d[k] = k * k
    if getsizeof(d) != last:
        changes.append(k)
        last = getsizeof(d)
    k += 1
print("dict size changes when it reaches", ", ".join(map(str, changes)), "keys")

big = ["x" * 10_000]
small = ["x"]
same = getsizeof(big) == getsizeof(small)
print(f"The shallow size ignores what the slots refer to = {same}")
