"""Checks for deep-size-walker. `deep_size` is called on structures of the
check's own (shared objects, a cycle, instances with a `__dict__` and with
slots declared on a base) and compared with the check's own walk.
The function that followed the cycle when the program ran (run again here
under a call hook) is called on a dict that contains itself, with room for
1,000 frames (in CPython), and must be stopped by Python's recursion limit.
`make_users(10)` is called and inspected for one team list shared by every
user. The figures the program prints (shallow, deep, ratio, the set-less
total, the instances' `getsizeof`) are compared with what the check works
out from the program's own `make_users` and classes, and the conclusion is
recomputed; a printed figure counts only as the program's own
`sys.getsizeof` returned it, or a sum or ratio of such figures (provenance)."""
import contextlib
import io
import re
import sys
import types

from heapwise_check import check, fail, heading_unit, loose, number

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the users", r"\bmake_users\b"),
)

SKIP = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)
PHRASE = "deep size is more than 10x the shallow size"


def slot_names(cls):
    for klass in cls.__mro__:
        declared = vars(klass).get("__slots__", ())
        for name in [declared] if isinstance(declared, str) else declared:
            if name not in ("__dict__", "__weakref__"):
                yield name


def children(item):
    if isinstance(item, dict):
        return [*item.keys(), *item.values()]
    if isinstance(item, (list, tuple, set, frozenset)):
        return list(item)
    if isinstance(item, SKIP):
        return []
    held = [vars(item)] if hasattr(item, "__dict__") else []
    return held + [getattr(item, name) for name in slot_names(type(item)) if hasattr(item, name)]


def walked(obj, once=True):
    """Our own count: sys.getsizeof of everything reachable through dict keys
    and values, list/tuple/set items and instances' __dict__ and slots,
    each object once (or, once=False, as often as it is reached; acyclic only)."""
    seen, total, stack, objects = set(), 0, [obj], 0
    while stack:
        item = stack.pop()
        if once and id(item) in seen:
            continue
        seen.add(id(item))
        objects += 1
        total += sys.getsizeof(item)
        stack.extend(children(item))
    return total, objects


def deep_size_of(p, obj, what):
    deep_size = p.get("deep_size", callable)
    try:
        return deep_size(obj)
    except RecursionError:
        fail(f"`deep_size` never finished on {what} (RecursionError): record each object's `id` in "
             "the set before walking into it, and return 0 for an id already there.")


# A size or ratio as a program may print it: 8519, 8,519, 8.3 KB, 31.3, x31.
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?(?:\s*(kib|kb|k)\b)?(?!\d)", re.IGNORECASE)


def printed_numbers(p, measured=False):
    """Every number printed (in bytes, for each reading of its unit); with
    `measured`, only those a measurement of the program returned
    (`sys.getsizeof`, their sums and ratios: provenance)."""
    values = []
    for line in p.lines:
        for found in NUMBER.finditer(line):
            if measured and not p.measured(found, (1, 2)):
                continue
            value = float(re.sub(r"[,_]", "", found.group(1)) + (found.group(2) or ""))
            unit = (found.group(3) or heading_unit(found)).lower()
            values += [value * f for f in {"": (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,),
                                           "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}[unit]]
    return values


def figure(match):
    """The whole number group 1 of `match` gives (1,168 or 1_168 or 1168)."""
    return int(re.sub(r"[,_]", "", match.group(1)))


def near(values, wanted, rel, absolute=0.0):
    return any(abs(v - wanted) <= max(rel * wanted, absolute) for v in values)


def users_of(p):
    users = p.get("make_users", callable)(10)
    if not isinstance(users, dict) or len(users) != 10:
        fail(f"`make_users(10)` returned {type(users).__name__} of {len(users) if hasattr(users, '__len__') else '?'} "
             "items; it should return a dict of ten users.")
    return users


@check("`deep_size` adds up dict keys and values, and list, tuple and set items", step=1)
def _(p):
    sample = {"name": "example", "tags": ["a" * 20, ("b" * 30, 3.5)], "more": {"inner": {1_000, 2_000}},
              ("key", "tuple"): frozenset({"c" * 40})}
    got, want = deep_size_of(p, sample, "a small nested dict"), walked(sample)[0]
    if got != want:
        fail(f"`deep_size` of a small nested dict returned {got!r}; adding every reachable object once "
             f"gives {want:,} bytes (its own size alone is {sys.getsizeof(sample):,}). Walk dict keys "
             "and values, and the items of lists, tuples and sets.")


@check("an object reachable twice is counted once", step=1)
def _(p):
    shared = ["x" * 50 + str(i) for i in range(10)]
    outer = [shared, shared, {"again": shared}, (shared,)]
    got, want = deep_size_of(p, outer, "a list sharing one inner list"), walked(outer)[0]
    if got != want:
        fail(f"A list that refers four times to one inner list measured {got!r} with `deep_size`; "
             f"counting each object once gives {want:,}. Keep a set of the ids already counted and "
             "pass the same set down.")


@check("`deep_size` ends on a dict that contains itself, and starts afresh on every call", step=1)
def _(p):
    node = {"name": "loop", "children": []}
    node["children"].append(node)
    first = deep_size_of(p, node, "a dict that contains itself")
    if first != walked(node)[0]:
        fail(f"On a dict that contains itself, `deep_size` returned {first!r}; counting each object once "
             f"gives {walked(node)[0]:,}.")
    second = deep_size_of(p, node, "a dict that contains itself")
    if second != first:
        fail(f"Two calls of `deep_size` on the same dict returned {first:,} and then {second!r}: the "
             "set of counted ids survives between calls. Make a new set on every call (`seen=None` as "
             "the default and `seen = set()` inside, not `seen=set()`).")


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


@check("`deep_size` follows an instance's `__dict__` and its `__slots__`, bases included", step=5)
def _(p):
    payload = list(range(1_000, 1_500))
    need = walked(payload)[0]
    for obj, how in [(Plain(payload), "its `__dict__` (`vars(obj)`)"),
                     (Slotted(payload), "its slots (`getattr(obj, name)` for each name in `__slots__`)")]:
        got = deep_size_of(p, obj, f"a {type(obj).__name__} instance")
        if got < need:
            fail(f"`deep_size` of a {type(obj).__name__} instance holding a list of 500 ints gave {got:,} bytes, "
                 f"less than the list and its ints ({need:,}): follow what the instance holds through {how}.")
        if got > walked(obj)[0] + 64:
            fail(f"`deep_size` of a {type(obj).__name__} instance holding a list of 500 ints gave {got:,} bytes, "
                 f"more than everything it reaches ({walked(obj)[0]:,}): count each object once, and leave "
                 "the class itself out of the walk.")
    for child, where in [(SlottedChild([0], payload), "its own class's slot"),
                         (SlottedChild(payload, [0]), "a slot its base class declares")]:
        got = deep_size_of(p, child, "a subclass instance")
        if got < need:
            fail(f"`deep_size` of a subclass instance holding a list of 500 ints in {where} gave {got:,} bytes: "
                 "each class declares only its own `__slots__`; collect them from every class in "
                 "`type(obj).__mro__`.")


@check("`make_users(10)` gives a dict of ten users that all share one team list", step=2)
def _(p):
    users = users_of(p)
    lists = []
    for user in users.values():
        held = children(user)
        lists.append({id(x) for x in held if isinstance(x, list)})
    common = set.intersection(*lists) if lists else set()
    if not common:
        fail("The ten users of `make_users(10)` do not hold one and the same `team` list: make the list "
             "once, before the users, and give every user that list (not a copy).")


@check("the program prints the ten users' shallow size, deep size and their ratio, as measured", step=2)
def _(p):
    users = users_of(p)
    shallow = sys.getsizeof(users)
    deep, objects = walked(users)
    values, printed = printed_numbers(p, measured=True), printed_numbers(p)
    for what, wanted, shown, rel, absolute in (
            ("shallow size (`sys.getsizeof`)", shallow, f"{shallow:,} bytes", 0.02, 0),
            ("deep size", deep, f"{deep:,} bytes", 0.05, 0),
            ("ratio of deep to shallow size", deep / shallow, f"{deep / shallow:.1f}", 0.03, 0.55)):
        if not near(values, wanted, rel, absolute):
            if near(printed, wanted, rel, absolute):
                fail(f"Measured here, the ten users of `make_users(10)` have a {what} of about {shown}, and the "
                     "number your program printed near it is not one its own measurement returned: print what "
                     "`sys.getsizeof` and `deep_size(make_users(10))` return (and their ratio), not a number "
                     "typed in.")
            fail(f"Measured here, the ten users of `make_users(10)` have a {what} of about {shown}, and no "
                 "number your program printed is near it. Print the shallow size, the deep size and the "
                 "ratio of the users.")


@check("the program prints the total of a walker without the set, larger for the users", step=3)
def _(p):
    users = users_of(p)
    again, reached = walked(users, once=False)
    deep, objects = walked(users)
    if not near(printed_numbers(p, measured=True), again, 0.05):
        fail(f"Walking the ten users without a set of counted ids (shared objects counted each time they "
             f"are reached) gives about {again:,} bytes, against {deep:,} with the set; no number your "
             "program printed is near it as its own `sys.getsizeof` calls added it up. Write the same walker "
             "without the set and print its total for the users.")


# Frames of one function of the program on the stack at once that show a
# walk following a cycle until Python stopped it: a walk of the users, or
# of a dict that contains itself with the set, stays a few frames deep.
ENDLESS = 40


def deepest_call(p):
    """The program run again here under a call hook: the most frames of one
    function of the program's file that were on the stack at once (counted
    up to ENDLESS, looking at most 4 * ENDLESS frames up), and the file,
    name and first line of the function that first reached ENDLESS (None
    if none did); None when the program cannot be run again."""
    program_file = p.names.get("__file__") or p.filename
    deepest, deep_code = [0], [None]

    def hook(frame, event, arg):
        if event == "call" and deepest[0] < ENDLESS and frame.f_code.co_filename == program_file:
            code, depth, up, steps = frame.f_code, 0, frame, 0
            while up is not None and steps < 4 * ENDLESS:
                depth += up.f_code is code
                up, steps = up.f_back, steps + 1
            deepest[0] = max(deepest[0], depth)
            if depth >= ENDLESS:
                deep_code[0] = (code.co_filename, code.co_name, code.co_firstlineno)
        return None

    before = sys.gettrace()
    sys.settrace(hook)
    try:
        run = p.rerun("call depth")
    finally:
        sys.settrace(before)
    return None if run is None else (deepest[0], deep_code[0])


# Frames the check lets a walker nest below its own (CPython; in the
# browser the harness holds the limit low, as Python's frames there use the
# JavaScript stack, and the check leaves it there).
ALLOWED = 1_000


def stack_depth():
    frame, depth = sys._getframe(1), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


def stopped_at(walker):
    """`walker` called here on a dict that contains itself, with a recursion
    limit ALLOWED frames above this call (in the browser, the limit as it
    is): (frames its RecursionError's traceback holds, frames the limit
    allowed), or None when it did not raise RecursionError (it returned, or
    it wants other arguments)."""
    node = {"name": "loop", "children": []}
    node["children"].append(node)
    depth, limit = stack_depth(), sys.getrecursionlimit()
    if sys.platform != "emscripten":
        sys.setrecursionlimit(depth + ALLOWED)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            walker(node)
    except RecursionError as error:
        frames, tb = 0, error.__traceback__
        while tb is not None:
            frames, tb = frames + 1, tb.tb_next
        return frames, sys.getrecursionlimit() - depth
    except Exception:  # noqa: BLE001 - it wants other arguments, or fails some other way: not judged here
        return None
    finally:
        sys.setrecursionlimit(limit)
        node["children"].clear()
    return None


@check("the program tries both walkers on a dict that contains itself and shows the set-less one never ends", step=4)
def _(p):
    p.printed(r"(?i)recursion|\brecurs|never (ends|finish)|endless|infinite|stack overflow",
              "Step 4: no printed line shows what the walker without the set does on a dict that contains "
              "itself. Call it inside `try:` and print the `RecursionError` it raises.")
    # The line must report a walk that ran: run again here, watching how
    # deep the program's functions go, the walker without the set follows
    # the cycle until Python stops it; a line typed without calling it
    # leaves every function a few frames deep.
    found = deepest_call(p)
    if found is None:
        return
    deepest, deep_code = found
    if deepest < ENDLESS:
        fail(f"Step 4: run again here, no function of your program was ever more than {deepest} calls deep, so "
             "the walker without the set never ran on the dict that contains itself: what your program printed "
             "about it was not what it did. Call that walker on the dict inside `try:` and print the "
             "`RecursionError` it raises.")
    # And it must be Python that stops it: the function that went that deep
    # (the walker without the set, when it is a top-level function taking
    # the object alone), called here on a dict that contains itself with
    # room for ALLOWED frames, must raise Python's RecursionError at the
    # limit, not one of its own after a depth it counts.
    for name, walker in list(p.names.items()):
        code = getattr(walker, "__code__", None)
        if not isinstance(walker, types.FunctionType) or deep_code != (code.co_filename, code.co_name,
                                                                         code.co_firstlineno):
            continue
        stopped = stopped_at(walker)
        if stopped is not None and stopped[0] <= stopped[1] // 2:
            frames, allowed = stopped
            fail(f"Step 4: `{name}`, the function of your program that followed the cycle, called here on a dict "
                 f"that contains itself with room for {allowed:,} frames, raised `RecursionError` only {frames:,} "
                 "frames down: it stops itself (a depth it counts, a test of its own), and Python never stopped "
                 "it. Write the walker without the set with no stop of its own, and let the `RecursionError` "
                 "Python raises at its recursion limit show that it never ends.")


@check("the program prints `getsizeof` and the deep size of an instance of a plain class and of a slotted class", step=5)
def _(p):
    module = p.names.get("__name__")
    found = {"plain": [], "slotted": []}
    names = {}  # class name -> what deep_size adds for its instances in the re-run
    for value in list(p.names.values()):
        if not isinstance(value, type) or value.__module__ != module or issubclass(value, BaseException):
            continue
        try:
            instance = value.__new__(value)
        except Exception:
            continue
        kind = "plain" if hasattr(instance, "__dict__") else "slotted"
        found[kind].append(sys.getsizeof(instance))
        names[value.__qualname__] = OFFSETS[kind]
    for kind, how in (("plain", "plain class (attributes in a `__dict__`)"),
                      ("slotted", "class with `__slots__`")):
        if not found[kind]:
            fail(f"Step 5: your program defines no {how} at its top level; make one user an instance of it.")
        # In bytes, or in a unit of bytes to its decimals.
        shown = p.size_matches(*found[kind])
        if not shown:
            fail(f"Step 5: an instance of your {kind} class measures {found[kind][0]:,} bytes with "
                 "`sys.getsizeof`, and your program never prints that number: print `getsizeof` and the "
                 "deep size of each instance.")
        if not any(p.measured(match) for match in shown):
            p.require_measured(shown[0], f"Step 5: the `getsizeof` of an instance of your {kind} class")
    # Each instance's deep size, as `deep_size` returned it, wherever the
    # program prints it: run again with a `deep_size` that adds OFFSETS[kind]
    # for an instance of one of its classes, a figure printed first must come
    # back that much larger.
    printed = {figure(match) for line in p.lines for match in WHOLE.finditer(line)}
    run = p.rerun("instances' deep size", "deep_size", lambda real: offset_deep_size(real, names))
    again = {figure(match) for line in (run.lines if run else []) for match in WHOLE.finditer(line)}
    moved = [max(after.values) - max(before.values) for before, after in p.printed_again(run or [])
             if before.unit and after.unit]  # figures in a unit of bytes, to their decimals
    for kind, offset in OFFSETS.items():
        if not any(n - offset in printed for n in again) and not any(abs(n - offset) <= 0.001 * offset for n in moved):
            fail(f"Step 5: your program prints `getsizeof` of an instance of your {kind} class but not its deep "
                 f"size as your `deep_size` returned it (run again here with a `deep_size` that answers {offset:,} "
                 "more for that instance, no figure moved by that much): print both for each instance, like "
                 "\"plain: getsizeof 48, deep 310\".")


# What the re-run's deep_size adds for an instance of a plain and of a slotted class.
OFFSETS = {"plain": 1_000_003, "slotted": 2_000_003}
WHOLE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,_]\d{3})+|\d+)(?![\d,.]\d)")


def offset_deep_size(real, names):
    """deep_size answering names[class name] more for an instance of one of the program's classes."""
    def deep_size(obj, *args, **kwargs):
        size = real(obj, *args, **kwargs)
        extra = names.get(type(obj).__qualname__, 0) if type(obj).__module__ == "__main__" else 0
        return size + extra if isinstance(size, int) else size
    return deep_size


LIMIT_MORE = 234  # what the re-run's `sys.getrecursionlimit` answers more than the real one


def more_limit(real):
    def getrecursionlimit():
        return real() + LIMIT_MORE
    return getrecursionlimit


def shallow_run(p):
    """The program run again with a `deep_size` that counts only the object
    itself (deep is then shallow) and a `sys.getrecursionlimit` answering
    LIMIT_MORE more; None without a top-level `deep_size`."""
    return p.rerun("shallow deep_size", "deep_size", lambda real: lambda obj, *args, **kwargs: sys.getsizeof(obj),
                   modules={"sys": {"getrecursionlimit": more_limit}})


@check("any figure the program works out from its walkers or reads from `sys` moves with them: run again with a `deep_size` that counts only the object itself, it moves", step=4)
def _(p):
    # The task asks for the two walkers' totals; a figure worked out from
    # them (how much the set-less walker counts more) or the recursion limit
    # the set-less walker ran into must still be what the program's own code
    # gives. Run again here with a `deep_size` that counts only the object
    # itself and a `sys.getrecursionlimit` answering 234 more: such a figure
    # moves, a typed one stays.
    users = users_of(p)
    excess = walked(users, once=False)[0] - walked(users)[0]
    limit = sys.getrecursionlimit()
    run = shallow_run(p)
    if run is None:
        return
    for figure in p.unmoved(run):
        line, x = figure.line, figure.text
        if abs(figure.number - excess) <= 0.03 * excess:
            fail(f"Your program printed \"{line.strip()[:100]}\", with {x} for what the walker without the set "
                 "counts more than `deep_size`; run again here with a `deep_size` that counts only the object "
                 f"itself, it still printed {x}: work it out from the two walkers' totals, do not type it in.")
        if figure.number == limit:
            fail(f"Your program printed \"{line.strip()[:100]}\", with {x}, the recursion limit; run again here "
                 f"with a `sys.getrecursionlimit` answering {LIMIT_MORE} more, it still printed {x}: print what "
                 "`sys.getrecursionlimit()` returns, not a number typed in.")


@check("the last line says whether the deep size is more than 10x the shallow size, as measured", step=6)
def _(p):
    said = p.conclusion(PHRASE, f"{PHRASE}: True")
    users = users_of(p)
    shallow, deep = sys.getsizeof(users), walked(users)[0]
    if said != (deep > 10 * shallow):
        fail(f"Your program concludes {said}, but measured here the ten users' deep size is {deep:,} bytes "
             f"and their shallow size {shallow:,}. Print `deep_size(users) > 10 * sys.getsizeof(users)`.")
    # The answer must be computed: run again with a deep_size that counts
    # only the object itself, deep is shallow and the honest answer False.
    run = shallow_run(p)
    if said and run is not None and run.said(PHRASE):
        fail("Your program still concludes True when `deep_size` returns only `sys.getsizeof(obj)` (run again "
             "here that way, so the deep size equals the shallow size): the answer does not follow from your own figures (typed in, or worked out some other way). Print "
             "`deep_size(users) > 10 * sys.getsizeof(users)`.")
    # And it must compare with the ten users' own shallow size: run again
    # with a `deep_size` one byte short of 10x of what it is given, the
    # honest answer is False; a comparison with another object's
    # getsizeof (smaller than the users' dict) still says True.
    if said and run is not None:
        edge = p.rerun("deep_size just under 10x", "deep_size",
                       lambda real: lambda obj, *args, **kwargs: 10 * sys.getsizeof(obj) - 1)
        if edge is not None and edge.said(PHRASE):
            fail("Run again here with a `deep_size` that answers one byte less than 10 times `sys.getsizeof` of "
                 "what it is given, your program still concluded True: compare the ten users' deep size with "
                 "their own shallow size, `deep_size(users) > 10 * sys.getsizeof(users)`.")
    if not re.search(loose(PHRASE), p.last_line):
        fail(f"End with the line \"{PHRASE}: True\" (or False): it is the last line the task asks for.")


@check("a timing line, when the program prints one, timed `deep_size` really walking the ten users", step=2)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison) must time work done.
    def prepare():
        deep_size, users = p.get("deep_size", callable), users_of(p)
        return lambda: deep_size(users)
    p.require_real_timing(prepare, "`deep_size(make_users(10))`")
