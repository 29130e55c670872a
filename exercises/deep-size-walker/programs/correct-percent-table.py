# correct: references listed by one helper, walkers written as sum() over it, %-formatting table
import sys

def _refs(obj):
    if isinstance(obj, dict):
        refs = []
        for key, value in obj.items():
            refs.append(key)
            refs.append(value)
        return refs
    if isinstance(obj, (list, tuple, set, frozenset)):
        return list(obj)
    if isinstance(obj, type) or callable(obj) or type(obj).__name__ == "module":
        return []
    refs = []
    if hasattr(obj, "__dict__"):
        refs.append(obj.__dict__)
    for cls in type(obj).__mro__:
        slots = cls.__dict__.get("__slots__", ())
        for slot in ((slots,) if isinstance(slots, str) else slots):
            try:
                refs.append(getattr(obj, slot))
            except AttributeError:
                pass
    return refs

def deep_size(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    return sys.getsizeof(obj) + sum(deep_size(r, seen) for r in _refs(obj))

def size_without_seen(obj):
    return sys.getsizeof(obj) + sum(size_without_seen(r) for r in _refs(obj))

def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    return {
        uid: {
            "name": "user-%03d" % uid,
            "email": "user-%03d@corp.example" % uid,
            "age": 30 + uid % 40,
            "roles": ["dev"] + (["ops"] if uid % 3 == 0 else []),
            "address": {"city": "Lyon", "street": "rue %d" % uid},
            "team": team,
        }
        for uid in range(count)
    }

users = make_users(10)
s, d = sys.getsizeof(users), deep_size(users)
print("%-28s %8s" % ("measure", "bytes"))
print("%-28s %8d" % ("shallow (getsizeof)", s))
print("%-28s %8d" % ("deep (seen set)", d))
print("%-28s %8.2f" % ("ratio deep / shallow", d / s))
print("%-28s %8d" % ("walker without seen set", size_without_seen(users)))

node = {"children": []}
node["children"].append(node)
print("cycle with deep_size: %d bytes, finishes" % deep_size(node))
try:
    size_without_seen(node)
    print("cycle without seen set: finished")
except RecursionError:
    print("cycle without seen set: RecursionError, it never finishes")

class User:
    def __init__(self, name, roles):
        self.name = name
        self.roles = roles

class SlottedUser:
    __slots__ = ("name", "roles")
    def __init__(self, name, roles):
        self.name = name
        self.roles = roles

for u in (User("grace", ["admin"]), SlottedUser("grace", ["admin"])):
    print("%-12s getsizeof %4d  deep %5d" % (type(u).__name__, sys.getsizeof(u), deep_size(u)))

print("deep size is more than 10x the shallow size: %s" % (d > 10 * s))
