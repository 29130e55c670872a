# correct: written from the task alone, another way: deep_size looks up how to open each object in a table of types, make_users builds the users with a dict comprehension, the instances are kept in named variables, the ratio printed as "x12.3" and the last line's answer held in a variable first
import sys
from types import FunctionType, ModuleType


def _items(obj):
    return [x for pair in obj.items() for x in pair]


OPENERS = {dict: _items, list: list, tuple: list, set: list, frozenset: list}


def _contents(obj):
    for kind, opener in OPENERS.items():
        if isinstance(obj, kind):
            return opener(obj)
    if isinstance(obj, (type, ModuleType, FunctionType)):
        return []
    held = [obj.__dict__] if hasattr(obj, "__dict__") else []
    for klass in type(obj).__mro__:
        names = klass.__dict__.get("__slots__", ())
        for name in (names,) if isinstance(names, str) else names:
            if name not in ("__dict__", "__weakref__") and hasattr(obj, name):
                held.append(getattr(obj, name))
    return held


def deep_size(obj, seen=None):
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    return sys.getsizeof(obj) + sum(deep_size(part, seen) for part in _contents(obj))


def size_without_set(obj):
    return sys.getsizeof(obj) + sum(size_without_set(part) for part in _contents(obj))


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    return {
        uid: {"name": f"n{uid}", "email": f"n{uid}@corp.test", "age": 30 + uid % 7,
              "roles": ["admin"] if uid == 0 else ["member", "viewer"],
              "address": {"zip": f"{10000 + uid}", "country": "FR"}, "team": team}
        for uid in range(count)
    }


people = make_users(10)
flat, whole = sys.getsizeof(people), deep_size(people)
print(f"10 users: getsizeof {flat:,} bytes, deep_size {whole:,} bytes, x{whole / flat:.1f}")
print(f"without the id set: {size_without_set(people):,} bytes (the shared team counted ten times)")

me = {"children": []}
me["children"].append(me)
print(f"self-referencing dict: deep_size gives {deep_size(me):,} bytes")
try:
    size_without_set(me)
except RecursionError:
    print("self-referencing dict without the set: it recurses until RecursionError")


class Member:
    def __init__(self, name, age):
        self.name = name
        self.age = age


class CompactMember:
    __slots__ = ("name", "age")

    def __init__(self, name, age):
        self.name = name
        self.age = age


loose_one = Member("grace", 45)
tight_one = CompactMember("grace", 45)
print(f"Member: {sys.getsizeof(loose_one)} shallow, {deep_size(loose_one)} deep")
print(f"CompactMember: {sys.getsizeof(tight_one)} shallow, {deep_size(tight_one)} deep")
verdict = whole > 10 * flat
print("deep size is more than 10x the shallow size:", verdict)
