# correct: written from the task alone; deep_size walks with an explicit stack in a while loop instead of recursion (the same objects, each counted once), the set-less walker is recursive
import sys


def deep_size(obj):
    seen = set()
    stack = [obj]
    total = 0
    while stack:
        o = stack.pop()
        if id(o) in seen or isinstance(o, type):
            continue
        seen.add(id(o))
        total += sys.getsizeof(o)
        if isinstance(o, dict):
            stack.extend(o.keys())
            stack.extend(o.values())
        elif isinstance(o, (list, tuple, set, frozenset)):
            stack.extend(o)
        elif hasattr(o, "__dict__") or hasattr(type(o), "__slots__"):
            if hasattr(o, "__dict__"):
                stack.append(o.__dict__)
            for k in type(o).__mro__:
                slots = k.__dict__.get("__slots__", ())
                for name in [slots] if isinstance(slots, str) else slots:
                    if hasattr(o, name):
                        stack.append(getattr(o, name))
    return total


def size_without_set(o):
    total = sys.getsizeof(o)
    if isinstance(o, dict):
        for pair in o.items():
            total += size_without_set(pair[0]) + size_without_set(pair[1])
    elif isinstance(o, (list, tuple, set, frozenset)):
        for x in o:
            total += size_without_set(x)
    return total


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    return {f"u{i}": dict(name=f"u{i}", email=f"u{i}@mail.test", age=18 + 3 * i, roles=["user"],
                          address=dict(city="Oslo", no=i), team=team) for i in range(count)}


people = make_users(10)
s, d = sys.getsizeof(people), deep_size(people)
print(f"shallow {s:,} bytes | deep {d:,} bytes | x{d / s:.1f}")
print(f"no set: {size_without_set(people):,} bytes (shared objects counted again)")
cycle = {"children": []}
cycle["children"].append(cycle)
print(f"cycle: {deep_size(cycle):,} bytes with the set")
try:
    size_without_set(cycle)
except RecursionError as e:
    print("cycle without the set:", type(e).__name__)


class A:
    def __init__(self):
        self.name = "ann"
        self.tags = ["x", "y"]


class B:
    __slots__ = "name", "tags"

    def __init__(self):
        self.name = "ann"
        self.tags = ["x", "y"]


for o in (A(), B()):
    print(type(o).__name__, sys.getsizeof(o), deep_size(o))
print("deep size is more than 10x the shallow size:", d > 10 * s)
