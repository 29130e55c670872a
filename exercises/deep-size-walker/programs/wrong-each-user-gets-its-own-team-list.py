# wrong: each user gets its own team list (the reference with one slip)
# fails: `make_users(10)` gives a dict of ten users that all share one team list
"""Heapwise reference program for deep-size-walker (P5).

sys.getsizeof measures one object. A deep size follows references from
containers to what they hold and adds everything up, counting each object
once: a set of the ids already counted handles objects that are shared and
structures that refer back to themselves. The program compares that walker
with one that has no memory of what it has counted.
"""
import platform
import struct
import sys
import time
import types


def deep_size(obj, seen=None):
    """Bytes of obj and everything reachable from it, each object once."""
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    # Plain loops, not sum() over a generator: each level of the walk is then
    # one Python call, which even the browser's Python can nest a thousand
    # deep (a call made from inside sum() also uses the JavaScript stack there).
    if isinstance(obj, dict):
        for key, value in obj.items():
            size += deep_size(key, seen) + deep_size(value, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            size += deep_size(item, seen)
    elif not isinstance(obj, (type, types.ModuleType, types.FunctionType)):
        # An instance of a class: what it holds lives in its __dict__ or in
        # its slots. (Classes, modules and functions are left out: following
        # them would count the program itself.)
        if hasattr(obj, "__dict__"):
            size += deep_size(vars(obj), seen)
        for name in slot_names(type(obj)):
            if hasattr(obj, name):  # a slot never assigned holds nothing
                size += deep_size(getattr(obj, name), seen)
    return size


def slot_names(cls):
    """The data slots declared by cls and its bases."""
    names = []
    for klass in cls.__mro__:
        declared = vars(klass).get("__slots__", ())
        for name in [declared] if isinstance(declared, str) else declared:
            if name not in ("__dict__", "__weakref__"):
                names.append(name)
    return names


def deep_size_forgetful(obj):
    """The same walk without a seen set: shared objects count every time."""
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for key, value in obj.items():
            size += deep_size_forgetful(key) + deep_size_forgetful(value)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            size += deep_size_forgetful(item)
    return size


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]  # one list, shared by every user
    return {
        f"user{i}": {
            "name": f"User number {i}",
            "email": f"user{i}@example.com",
            "age": 20 + i,
            "roles": ["admin"] if i % 3 == 0 else ["member", "reader"],
            "address": {"city": "Springfield", "street": f"{100 + i} Main Street"},
            "team": list(team),
        }
        for i in range(count)
    }


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

users = make_users(10)
shallow = sys.getsizeof(users)
deep = deep_size(users)
print(f"ten users: shallow {shallow:,} bytes, deep {deep:,} bytes, {deep / shallow:.1f}x")

forgetful = deep_size_forgetful(users)
print(f"without a seen set: {forgetful:,} bytes, {forgetful - deep:,} counted more than once")

node = {"name": "loop", "children": []}
node["children"].append(node)
print(f"cyclic dict with a seen set: {deep_size(node):,} bytes")
try:
    deep_size_forgetful(node)
    print("cyclic dict without a seen set: finished")
except RecursionError:
    print(f"cyclic dict without a seen set: RecursionError (limit {sys.getrecursionlimit():,})")



class User:
    def __init__(self, name, email, roles):
        self.name, self.email, self.roles = name, email, roles


class SlottedUser:
    __slots__ = ("name", "email", "roles")

    def __init__(self, name, email, roles):
        self.name, self.email, self.roles = name, email, roles


plain = User("User number 7", "user7@example.com", ["member", "reader"])
slotted = SlottedUser("User number 7", "user7@example.com", ["member", "reader"])
print(f"User instance: getsizeof {sys.getsizeof(plain):,} bytes, deep {deep_size(plain):,} bytes (through its __dict__)")
print(f"SlottedUser instance: getsizeof {sys.getsizeof(slotted):,} bytes, deep {deep_size(slotted):,} bytes (through its slots)")
# The walk with a seen set over the ten users: the page sets this time beside
# the Rust walker with a seen set over a directory of as many users. (This
# program never starts tracemalloc, so it is off.)
us = best_time_us(lambda: deep_size(users), calls=100)
print(f"timing: variant optimized at users={len(users)}: {us:.1f} us per call, best of 5 (tracemalloc off)")
print(f"deep size is more than 10x the shallow size: {deep > 10 * shallow}")
