# wrong: written from the task alone (round 18): the last line compares the deep size with `shallow` after a later loop reused the name for a slotted instance's getsizeof
# fails: the last line says whether the deep size is more than 10x the shallow size, as measured
# reading: "shallow size" is sys.getsizeof of the dict make_users(10) returns;
# "ratio" is deep / shallow. An instance's attribute dict (vars(obj)) counts as
# an object reachable from the instance. Classes, modules and functions are
# not walked (nor counted) when met as values.
import sys
import types
from dataclasses import dataclass, field

SKIP = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType,
        types.MethodType)


def _slot_names(cls):
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        yield from slots


def _children(obj):
    """What obj refers to, for the container kinds the task names."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield key
            yield value
    elif isinstance(obj, (list, tuple, set, frozenset)):
        yield from obj
    else:
        if hasattr(obj, "__dict__"):
            yield vars(obj)
        for name in _slot_names(type(obj)):
            if name in ("__dict__", "__weakref__"):
                continue
            try:
                yield getattr(obj, name)
            except AttributeError:  # slot never set
                pass


def deep_size(obj, seen=None):
    if seen is None:
        seen = set()
    if isinstance(obj, SKIP) or id(obj) in seen:
        return 0
    seen.add(id(obj))
    return sys.getsizeof(obj) + sum(deep_size(child, seen) for child in _children(obj))


def naive_size(obj):
    """The same walk with no memory of what it has already counted."""
    if isinstance(obj, SKIP):
        return 0
    return sys.getsizeof(obj) + sum(naive_size(child) for child in _children(obj))


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    users = {}
    for i in range(count):
        users[f"u{i:04d}"] = {
            "name": f"User Number {i}",
            "email": f"user{i}@example.org",
            "age": 20 + i % 50,
            "roles": ["reader", "writer"] if i % 3 else ["reader", "writer", "admin"],
            "address": {"street": f"{i} Main Street", "city": "Springfield",
                        "postcode": f"{10000 + i}"},
            "team": team,
        }
    return users


class PlainUser:
    def __init__(self, name, email, age, roles, address, team):
        self.name, self.email, self.age = name, email, age
        self.roles, self.address, self.team = roles, address, team


class SlottedUser:
    __slots__ = ("name", "email", "age", "roles", "address", "team")

    def __init__(self, name, email, age, roles, address, team):
        self.name, self.email, self.age = name, email, age
        self.roles, self.address, self.team = roles, address, team


@dataclass
class Report:
    rows: list = field(default_factory=list)

    def add(self, label, value, unit="B"):
        self.rows.append((label, value, unit))

    def show(self, title):
        print(title)
        for label, value, unit in self.rows:
            if unit == "B":
                print(f"  {label:<34}{value:>10,} B  ({value / 1024:.2f} KiB)")
            else:
                print(f"  {label:<34}{value:>10}")
        self.rows.clear()


report = Report()
users = make_users(10)
shallow = sys.getsizeof(users)
deep = deep_size(users)
report.add("shallow size of make_users(10)", shallow)
report.add("deep size of make_users(10)", deep)
report.add("ratio deep / shallow", f"{deep / shallow:.1f}x", unit="")
report.show("Ten users:")

report.add("deep_size (with the seen set)", deep)
report.add("walker without the set", naive_size(users))
report.show("Same users, both walkers:")

node = {"name": "root", "children": []}
node["children"].append(node)
print("A dict whose children list contains itself:")
print(f"  deep_size -> {deep_size(node):,} B, stops at the dict it has already seen")
try:
    print(f"  walker without the set -> {naive_size(node):,} B")
except RecursionError as exc:
    print(f"  walker without the set -> RecursionError ({exc})")

first = users["u0000"]
plain = PlainUser(**first)
slotted = SlottedUser(**first)
print("One user as class instances:")
for label, obj in (("PlainUser (has __dict__)", plain), ("SlottedUser (__slots__)", slotted)):
    shallow = sys.getsizeof(obj)
    print("  %-26s getsizeof %4d B, deep size %5d B" % (label, shallow, deep_size(obj)))

print("deep size is more than 10x the shallow size:", deep > 10 * shallow)
