# wrong: the last line's True is typed, not computed from the two getsizeof figures
# fails: the last line's answer comes from `sys.getsizeof` of the two lists: run again with it measuring otherwise, the answer follows
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
print("outer plus its three inner lists:", shallow + sum(sys.getsizeof(i) for i in outer), "bytes")

d = {}
last = sys.getsizeof(d)
for k in range(1, 23):
    d[k] = None
    size = sys.getsizeof(d)
    if size != last:
        print(f"dict grew at {k} keys: {size}")
        last = size

big = sys.getsizeof(["x" * 10_000])
small = sys.getsizeof(["x"])
print("big:", big, "small:", small)
print("the shallow size ignores what the slots refer to: True")
