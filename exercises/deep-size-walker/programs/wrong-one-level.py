# wrong: the naive approach under the right name: deep_size adds only the sizes of the direct items, one level down, with no set and no recursion
# fails: `deep_size` adds up dict keys and values, and list, tuple and set items
# fails: an object reachable twice is counted once
# fails: `deep_size` follows an instance's `__dict__` and its `__slots__`, bases included
# fails: the program prints the ten users' shallow size, deep size and their ratio, as measured
import sys


def deep_size(obj):
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(sys.getsizeof(k) + sys.getsizeof(v) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(sys.getsizeof(x) for x in obj)
    elif hasattr(obj, "__dict__"):
        size += sys.getsizeof(vars(obj))
    return size


def without_set(obj):
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for k, v in obj.items():
            size += without_set(k) + without_set(v)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for x in obj:
            size += without_set(x)
    return size


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    return {f"user{i}": {"name": f"User {i}", "email": f"user{i}@example.com", "age": 20 + i,
                         "roles": ["member"], "address": {"city": "Springfield", "street": f"{i} Elm"},
                         "team": team} for i in range(count)}


users = make_users(10)
shallow, deep = sys.getsizeof(users), deep_size(users)
print(f"shallow {shallow}, deep {deep}, ratio {deep / shallow:.1f}")
print(f"without a set: {without_set(users)}")
loop = {"children": []}
loop["children"].append(loop)
print(f"loop: {deep_size(loop)}")
try:
    without_set(loop)
except RecursionError:
    print("loop without a set: RecursionError")


class Plain:
    def __init__(self):
        self.name = "x"


class Slim:
    __slots__ = ("name",)

    def __init__(self):
        self.name = "x"


for o in (Plain(), Slim()):
    print(type(o).__name__, sys.getsizeof(o), deep_size(o))
print(f"deep size is more than 10x the shallow size: {deep > 10 * shallow}")
