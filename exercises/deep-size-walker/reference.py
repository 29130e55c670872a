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
    return size


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
            "team": team,
        }
        for i in range(count)
    }


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

print(f"deep size is more than 10x the shallow size: {deep > 10 * shallow}")
