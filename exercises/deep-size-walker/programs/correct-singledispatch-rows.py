# correct: walker built on functools.singledispatch (one handler per container kind), results collected as rows and written with sys.stdout.write, sizes in KiB
import functools
import sys
import types

NOT_DATA = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)


@functools.singledispatch
def parts(obj):
    """What an arbitrary object holds: its instance dict and its slots, bases included."""
    found = []
    if hasattr(obj, "__dict__") and not isinstance(obj, NOT_DATA):
        found.append(obj.__dict__)
    for klass in type(obj).__mro__:
        declared = klass.__dict__.get("__slots__", ())
        for name in ([declared] if isinstance(declared, str) else declared):
            if name not in ("__dict__", "__weakref__") and hasattr(obj, name):
                found.append(getattr(obj, name))
    return found


@parts.register(dict)
def _(obj):
    return [x for pair in obj.items() for x in pair]


@parts.register(list)
@parts.register(tuple)
@parts.register(set)
@parts.register(frozenset)
def _(obj):
    return list(obj)


def deep_size(obj, seen=None):
    seen = set() if seen is None else seen
    if isinstance(obj, NOT_DATA) or id(obj) in seen:
        return 0
    seen.add(id(obj))
    return sys.getsizeof(obj) + sum(deep_size(p, seen) for p in parts(obj))


def setless_size(obj):
    if isinstance(obj, NOT_DATA):
        return 0
    return sys.getsizeof(obj) + sum(setless_size(p) for p in parts(obj))


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    return {
        f"id-{n:04d}": dict(name=f"Member {n}", email=f"member{n}@corp.example", age=41 - n,
                            roles=["deploy", "review", "page"][: 1 + n % 3],
                            address=dict(line1=f"{n} Harbour Road", town="Leith", country="UK"),
                            team=team)
        for n in range(count)
    }


def kib(n):
    return f"{n / 1024:.2f} KiB"


class Node:
    def __init__(self, title, tags):
        self.title = title
        self.tags = tags


class SlotNode:
    __slots__ = ("title", "tags")

    def __init__(self, title, tags):
        self.title = title
        self.tags = tags


rows = []
users = make_users(10)
flat, full = sys.getsizeof(users), deep_size(users)
rows.append(("ten users, getsizeof", kib(flat)))
rows.append(("ten users, deep_size", kib(full)))
rows.append(("ten users, deep / shallow", f"{full / flat:.1f}"))
rows.append(("ten users, walker without a seen set", f"{kib(setless_size(users))} vs {kib(full)} with it"))

ring = {"label": "ring", "children": []}
ring["children"].append(ring)
rows.append(("dict holding itself, deep_size", kib(deep_size(ring))))
try:
    outcome = kib(setless_size(ring))
except RecursionError as err:
    outcome = f"never ends, stopped by {type(err).__name__}: {err}"
rows.append(("dict holding itself, walker without a seen set", outcome))

for sample in (Node("alpha", ["x", "y"]), SlotNode("alpha", ["x", "y"])):
    rows.append((f"{type(sample).__name__} instance", f"getsizeof {kib(sys.getsizeof(sample))}, deep {kib(deep_size(sample))}"))

width = max(len(label) for label, _ in rows)
for label, value in rows:
    sys.stdout.write(f"{label:<{width}}  {value}\n")
sys.stdout.write(f"deep size is more than 10x the shallow size: {full > 10 * flat}\n")
