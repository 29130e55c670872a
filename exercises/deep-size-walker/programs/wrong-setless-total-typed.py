# wrong: step 3's total typed in: the walker without the set is written and run on the users, but the total printed is a CPython 3.11 run's
# fails: the program prints the total of a walker without the set, larger for the users
import sys
from dataclasses import dataclass


def deep_size(obj, seen=None):
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(deep_size(x, seen) for x in obj)
    elif not isinstance(obj, type) and not callable(obj):
        try:
            size += deep_size(vars(obj), seen)
        except TypeError:
            pass
        names = [n for k in type(obj).__mro__ for n in getattr(k, "__slots__", ())]
        size += sum(deep_size(getattr(obj, n), seen) for n in names if hasattr(obj, n))
    return size


def naive_size(obj):
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(naive_size(k) + naive_size(v) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(naive_size(x) for x in obj)
    return size


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    users, i = {}, 0
    while i < count:
        users[i] = {"name": f"Person {i}", "email": f"person{i}@corp.test", "age": 30 + i % 7,
                    "roles": ["dev"] + (["admin"] if i == 0 else []),
                    "address": {"zip": f"{75000 + i}", "country": "FR"}, "team": team}
        i += 1
    return users


users = make_users(10)
shallow, deep = sys.getsizeof(users), deep_size(users)
print("users dict  shallow =", shallow, " deep =", deep, " deep/shallow =", round(deep / shallow, 2))
naive = naive_size(users)
print("counting shared objects again:", 15914, "vs", deep, f"(+{15914 - deep})")

node = {"label": "me"}
node["kids"] = [node]
print("self-containing dict, deep_size =", deep_size(node))
try:
    naive_size(node)
except RecursionError:
    print("self-containing dict, naive_size -> RecursionError")


class Ordinary:
    def __init__(self):
        self.name, self.age, self.roles = "bob", 41, ["ops"]


@dataclass(slots=True)
class Slotted:
    name: str
    age: int
    roles: list


for thing in (Ordinary(), Slotted("bob", 41, ["ops"])):
    print(type(thing).__name__, "sys.getsizeof =", sys.getsizeof(thing), "deep_size =", deep_size(thing))

print("Deep size is more than 10x the shallow size =", deep > 10 * shallow)
