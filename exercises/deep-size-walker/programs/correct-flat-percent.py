# correct: explicit isinstance branches in each walker, the seen set named `counted`, users built with a for loop, slots read via getattr over the MRO, %-formatting
import sys
import inspect


def deep_size(obj, counted=None):
    if counted is None:
        counted = set()
    if id(obj) in counted:
        return 0
    if inspect.isclass(obj) or inspect.ismodule(obj) or inspect.isroutine(obj):
        return 0
    counted.add(id(obj))
    total = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for k, v in obj.items():
            total += deep_size(k, counted) + deep_size(v, counted)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            total += deep_size(item, counted)
    else:
        if hasattr(obj, "__dict__"):
            total += deep_size(obj.__dict__, counted)
        for klass in type(obj).__mro__:
            names = getattr(klass, "__slots__", ()) if "__slots__" in klass.__dict__ else ()
            for slot in ([names] if isinstance(names, str) else names):
                if slot in ("__dict__", "__weakref__"):
                    continue
                if hasattr(obj, slot):
                    total += deep_size(getattr(obj, slot), counted)
    return total


def deep_size_no_set(obj):
    if inspect.isclass(obj) or inspect.ismodule(obj) or inspect.isroutine(obj):
        return 0
    total = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for k, v in obj.items():
            total += deep_size_no_set(k) + deep_size_no_set(v)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            total += deep_size_no_set(item)
    else:
        if hasattr(obj, "__dict__"):
            total += deep_size_no_set(obj.__dict__)
        for klass in type(obj).__mro__:
            for slot in klass.__dict__.get("__slots__", ()):
                if slot not in ("__dict__", "__weakref__") and hasattr(obj, slot):
                    total += deep_size_no_set(getattr(obj, slot))
    return total


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    out = {}
    for uid in range(1, count + 1):
        out[uid] = dict(name="member%03d" % uid, email="member%03d@corp.test" % uid, age=30 + uid % 7,
                        roles=["dev"] + (["ops"] if uid % 3 == 0 else []),
                        address=dict(line1="%d Main St" % uid, town="Springfield"),
                        team=team)
    return out


class Member:
    def __init__(self, name, email, roles):
        self.name = name
        self.email = email
        self.roles = roles


class Base:
    __slots__ = ("name",)


class SlimMember(Base):
    __slots__ = ("email", "roles")

    def __init__(self, name, email, roles):
        self.name = name
        self.email = email
        self.roles = roles


people = make_users(10)
flat = sys.getsizeof(people)
full = deep_size(people)
print("10 users -> getsizeof: %d, deep_size: %d, deep/shallow: %.2f" % (flat, full, float(full) / flat))
print("walker with no seen set counts %d bytes against deep_size's %d" % (deep_size_no_set(people), full))

node = {"id": 0, "children": []}
node["children"].append(node)
print("self-containing dict: deep_size returns %d" % deep_size(node))
try:
    deep_size_no_set(node)
    outcome = "returned"
except RecursionError:
    outcome = "raised RecursionError, it would recurse forever"
print("self-containing dict: walker without set %s" % outcome)

for thing in (Member("lin", "lin@corp.test", ["dev", "ops"]), SlimMember("lin", "lin@corp.test", ["dev", "ops"])):
    print("%s instance: getsizeof=%d deep=%d" % (type(thing).__name__, sys.getsizeof(thing), deep_size(thing)))

print("deep size is more than 10x the shallow size: %s" % (full > 10 * flat))
