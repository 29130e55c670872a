# correct: evaluates each statement with eval, measures the nested list and the dict growth, computes the last line
import sys

claims = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]
for claim in claims:
    print(f"{claim}: {eval(claim)}")

outer = [[0] * 1000 for _ in range(3)]
shallow = sys.getsizeof(outer)
print("outer list alone:", shallow, "bytes")
deeper = shallow + sum(sys.getsizeof(inner) for inner in outer)
print("outer plus its three inner lists:", deeper, "bytes")

d = {}
last = sys.getsizeof(d)
k = 1
while k <= 22:
    d[k] = None
    now = sys.getsizeof(d)
    if now != last:
        print(f"dict grew at {len(d)} keys: {last} -> {now}")
        last = now
    k += 1

big = sys.getsizeof(["x" * 10_000])
small = sys.getsizeof(["x"])
print("the shallow size ignores what the slots refer to:", big == small)
