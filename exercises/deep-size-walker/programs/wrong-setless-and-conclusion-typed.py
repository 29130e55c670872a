# wrong: the naive walker's total is typed (copied from a run), and the last line's True is typed
# fails: `deep_size` follows an instance's `__dict__` and its `__slots__`, bases included
# fails: the program prints the total of a walker without the set, larger for the users
# fails: the last line says whether the deep size is more than 10x the shallow size, as measured
# fails: every figure in bytes it prints is one it measured
import sys

def deep_size(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    total = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for k, v in obj.items():
            total += deep_size(k, seen) + deep_size(v, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            total += deep_size(item, seen)
    else:
        if hasattr(obj, "__dict__"):
            total += deep_size(vars(obj), seen)
        for slot in getattr(type(obj), "__slots__", ()):
            if hasattr(obj, slot):
                total += deep_size(getattr(obj, slot), seen)
    return total

def naive_size(obj):
    total = sys.getsizeof(obj)
    if isinstance(obj, dict):
        total += sum(naive_size(k) + naive_size(v) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        total += sum(naive_size(item) for item in obj)
    elif hasattr(obj, "__dict__"):
        total += naive_size(vars(obj))
    return total

def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    users = {}
    for n in range(count):
        users[f"u{n}"] = {
            "name": f"User {n}",
            "email": f"user{n}@example.org",
            "age": 20 + n,
            "roles": ["reader", "writer"] if n % 2 else ["reader"],
            "address": {"city": "Lyon", "zip": f"69{n:03d}"},
            "team": team,
        }
    return users

users = make_users(10)
shallow = sys.getsizeof(users)
deep = deep_size(users)
print(f"ten users: shallow {shallow} B, deep {deep} B, ratio {deep / shallow:.1f}")
naive_size(users)
print(f"without the seen set: 14502 B, with it: {deep} B")
loop = {"name": "root", "children": []}
loop["children"].append(loop)
print("deep_size on a self-containing dict:", deep_size(loop))
try:
    naive_size(loop)
except RecursionError as exc:
    print("naive walker fails:", type(exc).__name__)

class PlainUser:
    def __init__(self, name, email, age):
        self.name, self.email, self.age = name, email, age

class SlimUser:
    __slots__ = ("name", "email", "age")
    def __init__(self, name, email, age):
        self.name, self.email, self.age = name, email, age

for person in (PlainUser("Ada", "ada@example.org", 36), SlimUser("Ada", "ada@example.org", 36)):
    print(f"{type(person).__name__}: getsizeof {sys.getsizeof(person)} B, deep {deep_size(person)} B")
print("deep size is more than 10x the shallow size: True")
