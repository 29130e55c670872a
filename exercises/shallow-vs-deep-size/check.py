"""Checks for shallow-vs-deep-size. Every figure and value the program prints
is compared with what the check measures in the same interpreter (sizes
differ between interpreters, so none is written here); the wording around
them is free, and the program must really call sys.getsizeof."""
import re
import sys
import types

from heapwise_check import check, fail, loose, number, watch

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the list of three lists", r"(?m)^[^\"'\n]*\[0\] \* 1_?000\b"),
    ("the dict", r"range\(1, 23\)|<=? ?2[23]\b|\(\s*22\s*\)"),
)

watch("sys.getsizeof")

STATEMENTS = [
    "sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) > sys.getsizeof([1, 2, 3])",
    "sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == sys.getsizeof([1, 2, 3])",
    "sys.getsizeof(dict.fromkeys('abcdefghi')) > sys.getsizeof({})",
    "sys.getsizeof([[0] * 1000 for _ in range(3)]) == sys.getsizeof([0 for _ in range(3)])",
    "sys.getsizeof(['x' * 10_000]) > sys.getsizeof(['x'])",
]

# Whole numbers as printed: 1,168 or 1168; not part of a name or a decimal.
WHOLE = re.compile(r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w.]\d|\d)")


def whole_numbers(line):
    return [int(found.group().replace(",", "")) for found in WHOLE.finditer(line)]


def same_sizes(real):
    """A `sys.getsizeof` for which every object is 64 bytes."""
    def getsizeof(obj, *default):
        return 64
    return getsizeof


_CONTAINERS = (list, tuple, set, frozenset)
# The builtin, as it is when check.py loads (before the watch below puts its
# recorder in its place): the objects a container holds are sized with it,
# the same figures without a recorder's bookkeeping for each of thousands.
_BUILTIN_GETSIZEOF = sys.getsizeof if isinstance(sys.getsizeof, types.BuiltinFunctionType) else None


def deep_sizes(real):
    """A `sys.getsizeof` that adds to a container's own size the sizes of
    what it holds, all the way down (each object once)."""
    # What a container holds is walked in a plain loop (a dict's keys and
    # values in the order of its items), not a generator and a call per
    # object: the same objects counted once each, the same total, in half
    # the time (the reference's timed loop sizes a table of 3,050 objects
    # 500 times in this re-run).
    size_of = _BUILTIN_GETSIZEOF or real

    def held(items, seen):
        total = 0
        for item in items:
            key = id(item)
            if key in seen:
                continue
            seen.add(key)
            total += size_of(item)
            if isinstance(item, dict):
                total += held([part for pair in item.items() for part in pair], seen)
            elif isinstance(item, _CONTAINERS):
                total += held(item, seen)
        return total

    def getsizeof(obj, *default, _seen=None):
        seen = set() if _seen is None else _seen
        if id(obj) in seen:
            return 0
        seen.add(id(obj))
        size = real(obj, *default)
        if isinstance(obj, dict):
            size += held([part for pair in obj.items() for part in pair], seen)
        elif isinstance(obj, _CONTAINERS):
            size += held(obj, seen)
        return size
    return getsizeof


def longer_strings_smaller(real):
    """A `sys.getsizeof` under which a list measures 100,000 bytes more,
    less the length of each string it holds: a list holding a longer
    string is the smaller one (anything else is measured as usual)."""
    def getsizeof(obj, *default):
        size = real(obj, *default)
        if isinstance(obj, list):
            size += 100_000 - sum(len(item) for item in obj if isinstance(item, str))
        return size
    return getsizeof


# Three re-runs with another `sys.getsizeof`: each statement's value differs
# from the real one in at least one of them (every size 64: the first three
# flip; each container with its contents: the fourth and the fifth, and the
# last line's answer turns False), and the last line's answer is not the
# fifth statement's turned round in every one (a longer string's list the
# smaller: the fifth is False, and so is the last line's answer). A fourth
# tells the task's 10,000-character string from a shorter one: only its
# list measures more, so the last line's answer turns False for it alone.
def ten_thousand_counted(real):
    """A `sys.getsizeof` under which a list holding a string of 10,000
    characters or more measures 8 bytes more (anything else as usual): the
    task's two one-element lists then differ, and lists holding shorter
    strings do not."""
    def getsizeof(obj, *default):
        size = real(obj, *default)
        if isinstance(obj, list) and any(isinstance(item, str) and len(item) >= 10_000 for item in obj):
            size += 8
        return size
    return getsizeof


SIZES = {"the same size for every object": same_sizes, "each container's size with what it holds": deep_sizes,
         "a list holding a longer string smaller": longer_strings_smaller,
         "a list holding a string of 10,000 characters or more 8 bytes larger": ten_thousand_counted}


def run_with_sizes(p, kind):
    """The program run again with its `sys.getsizeof` replaced by
    SIZES[kind] (the real one's results, changed)."""
    return p.rerun(("sizes", kind), modules={"sys": {"getsizeof": SIZES[kind]}})


@check("each value printed is what the statement evaluates to in the program: run again with `sys.getsizeof` measuring differently, the printed values follow it", step=1)
def _(p):
    for kind, make in SIZES.items():
        run = run_with_sizes(p, kind)
        fake = types.SimpleNamespace(getsizeof=make(sys.getsizeof))
        for number_, statement in enumerate(STATEMENTS, start=1):
            value = eval(statement, {"sys": fake})
            said = run.said(statement)
            if said is not None and said != value:
                fail(f"Run again here with a `sys.getsizeof` that gives {kind}, statement {number_}, "
                     f"`{statement}`, evaluates to {value}, but your program still printed {said}: print what "
                     "each statement evaluates to (`eval(statement, {'sys': sys})`), not a value typed in.")


def task_object_sizes():
    """Every `sys.getsizeof` the task's objects give here (the statements'
    lists and dicts, the list of lists and its rows, the dict at each key
    count), but 64, which the re-run with every size 64 gives too."""
    seen = set()

    def recording(obj, *default):
        size = sys.getsizeof(obj, *default)
        seen.add(size)
        return size
    fake = types.SimpleNamespace(getsizeof=recording)
    for statement in STATEMENTS:
        eval(statement, {"sys": fake})
    for shallow, deep in built_every_way():
        seen |= {shallow, deep}
    seen |= {sys.getsizeof([0] * 1000), sys.getsizeof([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), sys.getsizeof([1, 2, 3])}
    table = {}
    seen.add(sys.getsizeof(table))
    for key in range(1, 23):
        table[key] = None
        seen.add(sys.getsizeof(table))
    seen.discard(64)
    return seen


@check("every size printed of the task's lists and dicts follows `sys.getsizeof`: run again with one giving 64 bytes for everything, it changes", step=2)
def _(p):
    # Any such size the program prints (the task's, or more of the same
    # objects, as the reference prints its statements' lists) must be what
    # its own getsizeof call returned: run again here with every size 64, a
    # typed figure stays where it was.
    run = run_with_sizes(p, "the same size for every object")
    sizes = task_object_sizes()
    for figure in p.unmoved(run):
        if figure.unit and any(value in sizes for value in figure.values):
            fail(f"Your program printed \"{figure.line.strip()[:100]}\"; run again here with a `sys.getsizeof` "
                 f"that gives 64 bytes for every object, it still printed {figure.text} {figure.unit}: print what "
                 "`sys.getsizeof` returns for the object, not a size typed in.")


@check("the last line's answer comes from `sys.getsizeof` of the two lists: run again with it measuring otherwise, the answer follows", step=4)
def _(p):
    for kind, make in SIZES.items():
        fake = make(sys.getsizeof)
        same = fake(["x" * 10_000]) == fake(["x"])
        said = run_with_sizes(p, kind).said("the shallow size ignores what the slots refer to")
        if said is not None and said != same:
            fail(f"Run again here with a `sys.getsizeof` that gives {kind}, the two one-element lists measure "
                 f"{'the same' if same else 'differently'}, but your program ended with {said}: compare "
                 "`sys.getsizeof` of the two one-element lists and print that comparison, not a typed answer "
                 "or one worked out from another line.")


@check("each of the five statements is printed with the value it has when evaluated", step=1)
def _(p):
    for number_, statement in enumerate(STATEMENTS, start=1):
        value = eval(statement, {"sys": sys})
        said = p.conclusion(statement, f"{statement}: {value}", last=False)
        if said != value:
            fail(f"Statement {number_}, `{statement}`, evaluates to {value} here, but your program prints "
                 f"{said} for it: print the value the statement has when Python evaluates it.")


def lists_of_lists(p):
    """(shallow, with the inner lists) for each module-level list of three 1,000-element lists."""
    found = []
    for value in p.names.values():
        if isinstance(value, list) and len(value) == 3 and all(isinstance(row, list) and len(row) == 1000
                                                                for row in value):
            shallow = sys.getsizeof(value)
            found.append((shallow, shallow + sum(sys.getsizeof(row) for row in value)))
    return found


def built_every_way():
    """(shallow, deep) for the usual ways of building three 1,000-element lists in a list."""
    inner = [[0] * 1000, [0 for _ in range(1000)], list(range(1000)), list([0] * 1000)]
    appended = []
    for _ in range(1000):
        appended.append(0)
    inner.append(appended)
    outers = []
    for row in inner:
        comprehension = [list(row) for _ in range(3)]
        outers += [comprehension, [list(row), list(row), list(row)]]
        grown = []
        for _ in range(3):
            grown.append(list(row))
        outers.append(grown)
    pairs = set()
    for outer in outers:
        shallow = sys.getsizeof(outer)
        for row in inner:
            pairs.add((shallow, shallow + 3 * sys.getsizeof(row)))
    return sorted(pairs)


@check("the shallow size of the list of three 1,000-element lists is printed, then with the inner lists added", step=2)
def _(p):
    kept = lists_of_lists(p)
    candidates = kept or built_every_way()
    for shallow, deep in candidates:
        # In bytes, or in a unit of bytes to its decimals.
        shallows, deeps = p.size_matches(shallow), p.size_matches(deep)
        if shallows and deeps:
            # Each figure must be what the program's own getsizeof calls gave
            # (the deep one their sum), not typed nor one inner list times three.
            if not any(p.measured(m) for m in shallows):
                p.require_measured(shallows[0], "the shallow size")
            if not any(p.measured(m) for m in deeps):
                p.require_measured(deeps[0], "the size with the inner lists")
            return
    shallow, deep = candidates[0]
    fail(f"Print `sys.getsizeof` of the list of three 1,000-element lists ({shallow:,} bytes here"
         + (", for your list" if kept else ", built like the starter's `rows`")
         + f"), then that figure plus `sys.getsizeof` of each inner list ({deep:,} bytes).")


def first_sized_order():
    """A function giving each object it is shown its place among the objects
    shown so far (0, 1, 2, ... in the order first shown, the same place each
    time after), each kept alive, so no id is reused: a re-run's
    `getsizeof` built on it tells one object measured again from a new one."""
    order = {}
    kept = []

    def place(obj):
        if id(obj) not in order:
            order[id(obj)] = len(order)
            kept.append(obj)
        return order[id(obj)]
    return place


# What the "own extra sizes" re-run's `sys.getsizeof` adds for a list of
# three 1,000-element lists: 1,000 * 2**12, above any inner list's extra.
OUTER_EXTRA = 1000 * 2 ** 12


def own_extra_sizes(real):
    """A `sys.getsizeof` that gives each distinct 1,000-element list object
    1,000 * 2**n bytes more than it is (n its place among such lists): a
    figure that adds three different lists' sizes grows by a sum of three
    different powers of two (times 1,000), one list sized three times by
    three times one power. A list of three 1,000-element lists measures
    OUTER_EXTRA more: its own figure moves by that, and a list of three
    ints put in its place does not."""
    place = first_sized_order()

    def getsizeof(obj, *default):
        size = real(obj, *default)
        if isinstance(obj, list) and len(obj) == 1000:
            size += 1000 * 2 ** place(obj)
        elif isinstance(obj, list) and len(obj) == 3 and all(isinstance(row, list) and len(row) == 1000
                                                             for row in obj):
            size += OUTER_EXTRA
        return size
    return getsizeof


def grown_in_own_extra_sizes(p, sizes):
    """How much each figure printed that is one of `sizes` (in bytes, or in
    a unit of them to its decimals) grew in the own-extra-sizes re-run, in
    bytes, with how far off that may be for the decimals it was printed
    to: ([(figure, grown, slack)], the re-run), for the figures of lines
    printed again in the same shape."""
    run = p.rerun("own extra sizes", modules={"sys": {"getsizeof": own_extra_sizes}})
    found = []
    for before, after in p.printed_again(run):
        if not any(before.means(size) or before.number == size for size in sizes):
            continue
        factor = max(before.values) / before.number if before.number else 1
        decimals = len(before.text.partition(".")[2])
        slack = factor * 10 ** -decimals + 1e-6
        found.append((before, max(after.values) - max(before.values), slack))
    return found, run


def three_lists(grown, slack):
    """Whether `grown` bytes (to within `slack`) is three different inner
    lists' extras, 1,000 * (2**a + 2**b + 2**c), a < b < c < 12."""
    return any(abs(grown - 1000 * (2 ** a + 2 ** b + 2 ** c)) <= slack
               for a in range(12) for b in range(a + 1, 12) for c in range(b + 1, 12))


@check("the shallow size printed is `sys.getsizeof` of the list of three 1,000-element lists itself: run again with one that gives that list its own extra bytes, it moves by them", step=2)
def _(p):
    kept = lists_of_lists(p)
    if not kept:
        return "No list of three 1,000-element lists kept at the top level: the check above says what to print."
    shallows, _ = grown_in_own_extra_sizes(p, [shallow for shallow, _ in kept])
    if not shallows:
        return "The shallow size is not printed: the check above says so."
    if not any(abs(grown - OUTER_EXTRA) <= slack for _, grown, slack in shallows):
        fail(f"Run again here with a `sys.getsizeof` that gives your list of three 1,000-element lists {OUTER_EXTRA:,} "
             f"bytes more, the shallow size your program printed (\"{shallows[0][0].line.strip()[:100]}\") did not "
             "move by that: print `sys.getsizeof` of that list itself, not of another list of three items.")


@check("the size with the inner lists adds each inner list's own `sys.getsizeof`: run again with one that gives each 1,000-element list its own extra bytes, it grows by three different lists' extras", step=2)
def _(p):
    kept = lists_of_lists(p)
    if not kept:
        return "No list of three 1,000-element lists kept at the top level: the check above says what to print."
    deeps, run = grown_in_own_extra_sizes(p, [deep for _, deep in kept])
    if any(three_lists(grown - OUTER_EXTRA, slack) for _, grown, slack in deeps):
        return "Run again with each inner list sized differently, the figure added all three."
    if not deeps:
        return "The figure with the inner lists is not printed: the check above says so."
    before = deeps[0][0]
    again = dict((id(b), a) for b, a in p.printed_again(run))[id(before)]
    fail(f"Your program printed \"{before.line.strip()[:100]}\". Run again here with a `sys.getsizeof` that gives "
         f"each 1,000-element list its own extra bytes, it printed \"{again.line.strip()[:100]}\": that figure did "
         "not add `sys.getsizeof` of the list of lists and of three different inner lists. Add the size of the "
         "list of lists and `sys.getsizeof` of each inner list, not one of them three times.")


def dict_steps():
    table, size, steps = {}, sys.getsizeof({}), []
    for key in range(1, 23):
        table[key] = None
        if sys.getsizeof(table) != size:
            size = sys.getsizeof(table)
            steps.append(key)
    return steps


def prints_steps(lines, steps):
    """True when some line, or run of consecutive lines, gives exactly the
    key counts `steps` (whole numbers 1 to 22), in order."""
    counts = [[n for n in whole_numbers(line) if 1 <= n <= 22] for line in lines]
    for first in range(len(counts)):
        seen = []
        for last in range(first, len(counts)):
            seen += counts[last]
            if seen == steps:
                return True
            if len(seen) >= len(steps) or seen != steps[:len(seen)]:
                break
    return False


@check("each key count at which the dict's getsizeof changes is printed, and no other count", step=3)
def _(p):
    steps = dict_steps()
    if prints_steps(p.lines, steps):
        return
    fail(f"Adding keys 1 to 22 one at a time, the dict's `sys.getsizeof` changes at "
         f"{', '.join(map(str, steps))} keys here. Print those key counts, in order (with the sizes if "
         "you like), on one line or on consecutive lines; no printed line or run of lines gives exactly "
         "those counts.")


def every_third_key(real):
    """A `sys.getsizeof` for which a dict of the keys 1 to k grows by 100
    bytes at every third key (any other dict at every key; 1,000 bytes
    empty) and each dict object has 10,000 bytes more than the one first
    sized before it, and anything else is measured as usual. One dict of
    the task's keys grown a key at a time changes at 3, 6, ..., 21; a dict
    made anew for each count, or of other keys, changes at every count."""
    place = first_sized_order()

    def getsizeof(obj, *default):
        if isinstance(obj, dict):
            tasks_keys = all(type(key) is int for key in obj) and set(obj) == set(range(1, len(obj) + 1))
            return 1_000 + 100 * (len(obj) // (3 if tasks_keys else 1)) + 10_000 * place(obj)
        return real(obj, *default)
    return getsizeof


@check("the key counts printed follow one dict's `sys.getsizeof` as it grows: run again with one under which a dict of the keys 1 to k grows at every third key (another dict, or one of other keys, measures differently), they are 3, 6, ..., 21", step=3)
def _(p):
    # Counts typed from a real run (or worked out from a known growth rule)
    # stay the same here; counts found by measuring the dict after each key
    # follow the replaced `sys.getsizeof`.
    run = p.rerun("dict grows every third key", modules={"sys": {"getsizeof": every_third_key}})
    steps = list(range(3, 23, 3))
    # Measured against a fresh empty dict's size first (`sys.getsizeof({})`,
    # the same as the grown dict's before its first key on every CPython),
    # the dict differs from it at once here: 1, then 3, 6, ..., 21.
    if not prints_steps(run.lines, steps) and not prints_steps(run.lines, [1] + steps):
        real = ", ".join(map(str, dict_steps()))
        fail(f"Run again here with a `sys.getsizeof` under which a dict grows at every third key, your program "
             f"should print the counts {', '.join(map(str, steps))}, but no printed line or run of lines gives "
             f"them (it printed the counts {real} when measuring for real?): add the keys one at a time, take "
             "`sys.getsizeof` of the dict after each, and print the counts at which that figure changed, "
             "not counts typed in, nor those of a dict made anew for each count.")


@check("the program measures with sys.getsizeof: the statements, the lists and each step of the dict", step=3)
def _(p):
    calls = p.calls("sys.getsizeof").program_count
    # Ten calls for the statements, two for the lists, 22 for the dict; fewer
    # means some figure or value was written out, not measured.
    if calls < 34:
        fail(f"Your program called `sys.getsizeof` only {calls} time(s): evaluate the statements, measure "
             "the lists and the dict after each key, rather than writing values or figures out.")


@check("the program ends by saying whether the shallow size ignores what the slots refer to, as measured", step=4)
def _(p):
    said = p.conclusion("the shallow size ignores what the slots refer to")
    same = sys.getsizeof(["x" * 10_000]) == sys.getsizeof(["x"])
    if said != same:
        fail(f"Your program says {said}, but `sys.getsizeof(['x' * 10_000]) == sys.getsizeof(['x'])` is "
             f"{same} here: print what that comparison gives.")
    last = re.search(loose("the shallow size ignores what the slots refer to"), p.last_line)
    if not last:
        fail("Make the line saying whether the shallow size ignores what the slots refer to your "
             "program's last line, as the task asks.")


def table_size_and_sum():
    """The reference's timed work: 50 rows of 60 numbers built, the table's
    shallow size taken and every number added up."""
    table = [[(r * 31 + c * 7) % 1_000 for c in range(60)] for r in range(50)]
    return sys.getsizeof(table), sum(map(sum, table))


@check("a timing line, when the program prints one, timed real work", step=2)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison) must time work done.
    p.require_real_timing(lambda: table_size_and_sum,
                          "building a table of 50 rows of 60 numbers, taking its size and adding it up")
