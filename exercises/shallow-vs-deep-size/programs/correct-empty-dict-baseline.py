# correct: round 13: the dict's size compared from the start with `sys.getsizeof({})`, a fresh empty dict (so key count 1 is printed too)
import sys

STATEMENTS = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]
verdicts = {text: eval(text, {"sys": sys}) for text in STATEMENTS}
print("\n".join(f"{text}: {value}" for text, value in verdicts.items()))

grid = [[0] * 1000 for _ in range(3)]
outer = sys.getsizeof(grid)
print("shallow size of the list of three 1,000-element lists:")
print(f"  {outer} bytes")
print("plus each inner list:")
print(f"  {outer + sum(map(sys.getsizeof, grid)):,} bytes")

d, last, steps = {}, sys.getsizeof({}), []
key = 1
while key <= 22:
    d[key] = None
    size = sys.getsizeof(d)
    if size != last:
        steps.append((key, size))
        last = size
    key += 1
print("dict size changes at key counts:", ", ".join(f"{k} ({s} B)" for k, s in steps))

big, small = ["x" * 10_000], ["x"]
print("the shallow size ignores what the slots refer to:", sys.getsizeof(big) == sys.getsizeof(small))
