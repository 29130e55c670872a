"""Checks for deep-size-walker: deep_size adds up everything reachable
through dicts, lists, tuples and sets and through instances' __dict__ and
__slots__, counts a shared object once, ends on a cycle, and make_users
shares one team list."""
import sys

from heapwise_check import check, fail


def walked(obj):
    """Our own count: every object reachable through dict keys and values and
    list, tuple, set and frozenset items, each object once."""
    seen, total, stack = set(), 0, [obj]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
    return total


def deep_size_of(p, obj, what):
    deep_size = p.get("deep_size", callable)
    try:
        return deep_size(obj)
    except RecursionError:
        fail(f"`deep_size` never finished on {what} (RecursionError): record each object's `id` in "
             "`seen` before walking into it, and return 0 for an id already there.")


@check("deep_size adds up dict keys and values, and list, tuple and set items")
def _(p):
    sample = {"name": "example", "tags": ["a" * 20, ("b" * 30, 3.5)], "more": {"inner": {1_000, 2_000}}}
    got, want = deep_size_of(p, sample, "a small nested dict"), walked(sample)
    if got != want:
        fail(f"`deep_size` of a small nested dict returned {got!r}; adding every reachable object once "
             f"gives {want:,} bytes (its own size alone is {sys.getsizeof(sample):,}). Walk dict keys "
             "and values, and the items of lists, tuples and sets.")


@check("an object reachable twice is counted once")
def _(p):
    shared = ["x" * 50 for _ in range(10)]
    outer = [shared, shared, {"again": shared}]
    got, want = deep_size_of(p, outer, "a list sharing one inner list"), walked(outer)
    if got != want:
        fail(f"A list that refers three times to one inner list measured {got!r} with `deep_size`; "
             f"counting each object once gives {want:,}. Keep a set of the ids already counted and "
             "pass the same set down.")


@check("deep_size ends on a dict that contains itself, and starts afresh on every call")
def _(p):
    node = {"name": "loop", "children": []}
    node["children"].append(node)
    first = deep_size_of(p, node, "a dict that contains itself")
    if first != walked(node):
        fail(f"On a dict that contains itself, `deep_size` returned {first!r}; counting each object once "
             f"gives {walked(node):,}.")
    second = deep_size_of(p, node, "a dict that contains itself")
    if second != first:
        fail(f"Two calls of `deep_size` on the same dict returned {first:,} and then {second!r}: the "
             "`seen` set survives between calls. Use `seen=None` as the default and make a new set "
             "inside the function, not `seen=set()`.")


class Plain:
    def __init__(self, payload):
        self.payload = payload


class Slotted:
    __slots__ = ("payload", "unset")

    def __init__(self, payload):
        self.payload = payload


class SlottedChild(Slotted):
    __slots__ = ("extra",)

    def __init__(self, payload, extra):
        super().__init__(payload)
        self.extra = extra


@check("deep_size follows an instance's __dict__ and its __slots__, bases included")
def _(p):
    payload = list(range(1_000, 1_500))
    need = sys.getsizeof(payload)
    for obj, how in [(Plain(payload), "its `__dict__` (`vars(obj)`)"),
                     (Slotted(payload), "its slots (`getattr(obj, name)` for each name in `__slots__`)")]:
        got = deep_size_of(p, obj, f"a {type(obj).__name__} instance")
        if got < need:
            fail(f"`deep_size` of a {type(obj).__name__} instance holding a 500-int list gave {got:,} bytes, "
                 f"less than the list alone ({need:,}): follow what the instance holds through {how}.")
    child = SlottedChild([0], payload)
    got = deep_size_of(p, child, "a SlottedChild instance")
    if got < need:
        fail(f"`deep_size` of a subclass instance whose own slot holds a 500-int list gave {got:,} bytes: "
             "collect the slot names of the class and of every base (`type(obj).__mro__`).")
    child = SlottedChild(payload, [0])
    got = deep_size_of(p, child, "a SlottedChild instance")
    if got < need:
        fail(f"`deep_size` of a subclass instance whose base's slot holds a 500-int list gave {got:,} bytes: "
             "each class declares only its own `__slots__`; walk `type(obj).__mro__` to find them all.")


@check("make_users(10) gives ten users that share one team list")
def _(p):
    users = p.get("make_users", callable)(10)
    if not isinstance(users, dict) or len(users) != 10:
        fail(f"`make_users(10)` returned {type(users).__name__}; it should return a dict of ten users.")
    teams = [user.get("team") if isinstance(user, dict) else None for user in users.values()]
    if any(team is None for team in teams):
        fail("Every user in `make_users(10)` should be a dict with a `team` entry.")
    if len({id(team) for team in teams}) != 1:
        fail("The users' `team` entries are different objects: all users should refer to the one "
             "`team` list, so the deep size can show it counted once.")


@check("the last line says the deep size is more than 10x the shallow size: True")
def _(p):
    said = p.expect_last_line(r"deep size is more than 10x the shallow size: (True|False)",
                              "deep size is more than 10x the shallow size: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but the ten users reach far more than ten times their "
             "outer dict's own size. Compare `deep_size(users) > 10 * sys.getsizeof(users)`.")
