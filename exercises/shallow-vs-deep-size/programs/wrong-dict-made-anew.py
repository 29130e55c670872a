# wrong: the dict is made anew with dict.fromkeys for each key count instead of grown one key at a time (held-out round 6; the same sizes print on every interpreter at hand, so only a getsizeof that tells dict objects apart shows it)
# fails: the key counts printed follow one dict's `sys.getsizeof` as it grows: run again with one under which a dict of the keys 1 to k grows at every third key (another dict, or one of other keys, measures differently), they are 3, 6, ..., 21
import sys

PREDICTIONS = (
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
)


def check_predictions():
    for text in PREDICTIONS:
        print(f"{text}: {eval(text, {'sys': sys})}")


def nested_sizes():
    outer = []
    for _ in range(3):
        outer.append([0] * 1000)
    own = sys.getsizeof(outer)
    total = own
    for inner in outer:
        total += sys.getsizeof(inner)
    print(f"outer list alone (shallow): {own} bytes")
    print(f"outer list plus its three inner lists: {total} bytes")


def dict_growth():
    d = {}
    last = sys.getsizeof(d)
    print(f"empty dict: {last} bytes")
    key = 1
    while key <= 22:
        d = dict.fromkeys(range(1, key + 1))
        now = sys.getsizeof(d)
        if now != last:
            print(f"size changes at {len(d)} keys: {last} -> {now} bytes")
            last = now
        key += 1


check_predictions()
nested_sizes()
dict_growth()
big = ["x" * 10_000]
small = ["x"]
same = sys.getsizeof(big) == sys.getsizeof(small)
print(f"the shallow size ignores what the slots refer to: {same}")
