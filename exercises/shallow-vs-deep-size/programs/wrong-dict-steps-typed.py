# wrong: step 3's dict growth points are typed from a run; getsizeof is called but its result thrown away
# fails: the key counts printed follow one dict's `sys.getsizeof` as it grows: run again with one under which a dict of the keys 1 to k grows at every third key (another dict, or one of other keys, measures differently), they are 3, 6, ..., 21
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
for k in range(1, 23):
    d[k] = None
    sys.getsizeof(d)
for k in (1, 6, 11, 22):
    print(f"dict grew at {k} keys")

print("the shallow size ignores what the slots refer to:", sys.getsizeof(["x" * 10_000]) == sys.getsizeof(["x"]))
