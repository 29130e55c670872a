# wrong: everything measured, but the last line compares the wrong way round (the shallow size against ten times the deep one), so it says False
# fails: the last line says whether the deep size is more than 10x the shallow size, as measured
import sys


def deep_size(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for key, value in obj.items():
            size += deep_size(key, seen) + deep_size(value, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            size += deep_size(item, seen)
    elif not isinstance(obj, type):
        if hasattr(obj, "__dict__"):
            size += deep_size(vars(obj), seen)
        for klass in type(obj).__mro__:
            slots = vars(klass).get("__slots__", ())
            for name in (slots,) if isinstance(slots, str) else slots:
                if hasattr(obj, name):
                    size += deep_size(getattr(obj, name), seen)
    return size


def forgetful(obj):
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for key, value in obj.items():
            size += forgetful(key) + forgetful(value)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            size += forgetful(item)
    return size


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    return {f"user{i}": {"name": f"User {i}", "email": f"user{i}@example.com", "age": 20 + i,
                         "roles": ["member"], "address": {"city": "Springfield"}, "team": team}
            for i in range(count)}


users = make_users(10)
shallow, deep = sys.getsizeof(users), deep_size(users)
print(f"shallow {shallow:,} bytes, deep {deep:,} bytes, {deep / shallow:.1f}x")
print(f"without the set {forgetful(users):,} bytes")
loop = {"children": []}
loop["children"].append(loop)
print(f"loop with the set: {deep_size(loop)}")
try:
    forgetful(loop)
except RecursionError as e:
    print("loop without the set:", repr(e))


class Plain:
    def __init__(self):
        self.roles = ["a", "b"]


class Slotted:
    __slots__ = ("roles",)

    def __init__(self):
        self.roles = ["a", "b"]


for o in (Plain(), Slotted()):
    print(type(o).__name__, sys.getsizeof(o), deep_size(o))
print(f"deep size is more than 10x the shallow size: {shallow > 10 * deep}")
