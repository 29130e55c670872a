"""Checks for object-overhead. The program's functions are called with the
check's own inputs: `is_cached` on values in and out of the small-int
cache, and traced on a 600-digit int of the check's, where making two ints
equal to it shows as two new objects alive at once (a range test makes
none), and made again from the program's own source with its `is`
comparisons turned round, when it must answer the opposite; `traced_peak`
on builds of a known size, `as_array` on other lengths, and once with the
array type it uses noting any list of ints it is handed. The sizes and
peaks the program prints are compared with what the check measures itself
on the same interpreter, never with figures typed into the check, and
count only as the program's own `sys.getsizeof` (the sizes) and
tracemalloc (the peaks: traced bytes, not a `sys.getsizeof`) returned them
(provenance: not typed, not scaled from a smaller n); the conclusion is
compared with the check's own comparison."""
import array as array_module
import ast
import re
import tracemalloc
from array import array
from sys import getsizeof as real_getsizeof  # imported before the recorders go in

from heapwise_check import check, fail, loose

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the list of ints", r"\bas_list\b"),
    ("the packed array", r"\bas_array\b"),
)


N = 1_000_000
MEMO = {}
CONCLUSION = "a packed array holds ints in less memory than a list"

# Step 1, in the task's order: what the program prints and what the check measures.
SAMPLES = [("object()", object()), ("1", 1), ("2**30", 2 ** 30), ("2**60", 2 ** 60), ("1.0", 1.0),
           ("True", True), ("None", None), ("''", ""), ("'a'", "a"), ("[]", []), ("()", ()), ("{}", {}),
           ("set()", set())]


def peaks(p):
    """(list peak, array peak) of as_list(1_000_000) and as_array(1_000_000), measured here once."""
    if "peaks" not in MEMO:
        as_list, as_array = p.get("as_list", callable), p.get("as_array", callable)
        listed = p.peak(f"as_list({N:,})", lambda: as_list(N))
        packed = p.peak(f"as_array({N:,})", lambda: as_array(N))
        MEMO["peaks"] = (listed, packed)
    return MEMO["peaks"]


def lists_fed(as_array, n):
    """The lengths of the lists and tuples of more than 16 items that
    `as_array(n)` hands to `array`, its `extend` or its `fromlist`: a list
    of int objects built on the way, however small its batches. Called with
    the program's names for the array type (`array`, or the module
    `array`) pointing at a subclass that notes them, then put back."""
    fed = []

    def note(values):
        if isinstance(values, (list, tuple)) and len(values) > 16:
            fed.append(len(values))

    class Watched(array):
        def __new__(cls, typecode, *initial):
            if initial:
                note(initial[0])
            return super().__new__(cls, typecode, *initial)

        def extend(self, values):
            note(values)
            return super().extend(values)

        def fromlist(self, values):
            note(values)
            return super().fromlist(values)

    class Module:
        def __getattr__(self, name):
            return Watched if name == "array" else getattr(array_module, name)

    names = getattr(as_array, "__globals__", {})
    kept = {name: value for name, value in names.items() if value is array or value is array_module}
    names.update({name: Watched if value is array else Module() for name, value in kept.items()})
    try:
        as_array(n)
    finally:
        names.update(kept)
    return fed


WHOLE = re.compile(r"(?<![\w.])(\d+)(?!\w|\.\d)")


def whole_numbers(p):
    """Every whole number the program printed, in order (not the parts of 3.11
    or 1.0), as (number, measured): measured when the program's own
    measurement returned it (provenance)."""
    return [(int(found.group(1)), p.measured(found)) for line in p.lines for found in WHOLE.finditer(line)]


def verdict_near(line, found):
    """The True or False a line gives for the number `found` (a match in it):
    the first one after it, else the last one before it; None if there is none."""
    after = re.search(r"\b(True|False)\b", line[found.end():], re.IGNORECASE)
    before = re.findall(r"\b(True|False)\b", line[:found.start()], re.IGNORECASE)
    word = after.group(1) if after else (before[-1] if before else None)
    return None if word is None else word.lower() == "true"


@check("`is_cached(value)` tells the shared small ints from fresh ones", step=2)
def _(p):
    is_cached = p.get("is_cached", callable)
    wrong = [value for value in (-5, 0, 100, 256) if is_cached(value) is not True]
    if wrong:
        fail(f"`is_cached({wrong[0]})` did not return True, yet CPython hands out one shared object for "
             "every int from -5 to 256. Build each int from text at run time (`int(str(value))`) and "
             "compare the two with `is`.")
    wrong = [value for value in (-6, 257, 1000, 10 ** 6) if is_cached(value) is not False]
    if wrong:
        fail(f"`is_cached({wrong[0]})` did not return False. Comparing `value` with itself, or two "
             "copies of one name, is always True: it is one object. Make two separate ints equal to "
             "`value` (`int(str(value))` twice) and compare those.")
    # An int equal to 5 that is not the shared 5 (an instance of a subclass):
    # two ints made equal to it at run time are the shared 5; comparing one
    # of them with `value` itself says False.
    if is_cached(_Equal(5)) is not True:
        fail("Given an int equal to 5 that is not the shared 5 object itself (an instance of a subclass of "
             "`int`), `is_cached` did not return True, yet two ints made equal to it at run time are both "
             "the shared 5. Step 2: make two ints equal to `value` and compare those two with `is`, not "
             "one of them with `value`.")
    # Whether two ints are one object, no re-run can change, so the answer
    # must come from `is`: a typed range (-5 to 256) says the same on this
    # interpreter, and is not what the task asks for.
    if not p.compares_identity("is_cached"):
        fail("`is_cached` answers without comparing the two ints' identity: step 2 asks Python whether they "
             "are one object (`return first is second`), not a range of values typed in (-5 to 256 is "
             "CPython's choice, and the point is to see it).")
    # And the answer must be what that comparison found: `is_cached` made
    # again here from the program's own source with its identity
    # comparisons turned round (`is` and `is not`, `id(a) == id(b)` and `!=`,
    # in it and in the top-level functions it calls by name), all of them or
    # any one (a guard such as `type(value) is not int` turned round only
    # raises), must answer the opposite; one that compares and then returns
    # a range test answers the same.
    values = (-6, -5, 0, 100, 256, 257, 1000, 10 ** 6)
    real = [bool(is_cached(value)) for value in values]
    versions, seen = 0, None
    for turned in turned_round(p, "is_cached"):
        versions += 1
        try:
            answers = [turned(value) for value in values]
        except Exception as error:  # noqa: BLE001 - the student's code, turned round
            seen = seen or f"raised {type(error).__name__}"
            continue
        if all(bool(answer) != truth for answer, truth in zip(answers, real)):
            return
        same = next(value for value, answer, truth in zip(values, answers, real) if bool(answer) == truth)
        seen = seen or f"still returned {answers[values.index(same)]!r} for {same}, as the real one does"
    if versions:
        fail(f"Made again here with its identity comparisons turned round (`is` as `is not`), `is_cached` {seen}: "
             "its answer is not what the comparison of the two ints found (a range of values typed in, -5 to 256, "
             "answers the same whatever `is` says). Step 2: return what `first is second` says.")


def turned_round(p, name):
    """The program's top-level function `name`, made again from its source
    in a copy of the program's globals, with the identity comparisons in it
    and in the top-level functions it calls by name (at any depth) turned
    round: `a is b` and `a is not b` swapped, `id(a) == id(b)` and `!=`
    swapped, `operator.is_(a, b)` negated (a comparison with None, True or
    False is left as it is). Yields the version with all of them turned
    round, then, when there are several, one with each of them alone.
    Nothing when the source does not parse, `name` is not a top-level def or
    lambda, or it has no identity comparison."""
    sites = _identity_sites(p.source, name)
    if not sites:
        return
    for chosen in [sites] + ([[site] for site in sites] if len(sites) > 1 else []):
        tree = ast.parse(p.source)
        reached = _reached(tree, name)
        module = _TurnRound(set(chosen)).visit(ast.Module(body=reached, type_ignores=[]))
        space = dict(p.names)
        try:
            exec(compile(ast.fix_missing_locations(module), p.names.get("__file__") or p.filename, "exec",
                         dont_inherit=True), space)
        except Exception:  # noqa: BLE001 - a decorator or default that cannot be made again: not judged here
            return
        if callable(space.get(name)):
            yield space[name]


def _reached(tree, name):
    """The top-level statements defining `name` (a def, or a name bound to a
    lambda) and every top-level function they call by name, in order."""
    defined = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defined[node.name] = node
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            defined.update((target.id, node) for target in node.targets if isinstance(target, ast.Name))
    reached, waiting = [], [name]
    while waiting:
        called = waiting.pop()
        if called not in defined or any(defined[called] is node for node in reached):
            continue
        reached.append(defined[called])
        waiting.extend(call.func.id for call in ast.walk(defined[called])
                       if isinstance(call, ast.Call) and isinstance(call.func, ast.Name))
    return [node for node in tree.body if any(node is kept for kept in reached)]


def _identity_sites(source, name):
    """Where the identity comparisons `turned_round` turns round are: (line,
    column, operator index) of each; None when the source does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    finder = _TurnRound(None)
    finder.visit(ast.Module(body=_reached(tree, name), type_ignores=[]))
    return finder.found


def _plain(node):
    """A side of a comparison that is not None, True or False."""
    return not (isinstance(node, ast.Constant) and node.value in (None, True, False))


def _an_id(node):
    return isinstance(node, ast.Call) and getattr(node.func, "id", "") == "id" and len(node.args) == 1 \
        and _plain(node.args[0])


class _TurnRound(ast.NodeTransformer):
    """Turns round the identity comparisons at `chosen` (turned_round);
    with `chosen` None, turns none and lists them all in `found`."""

    SWAPPED = {ast.Is: ast.IsNot, ast.IsNot: ast.Is}

    def __init__(self, chosen):
        self.chosen, self.found = chosen, []

    def _turn(self, site):
        self.found.append(site)
        return self.chosen is not None and site in self.chosen

    def visit_Compare(self, node):
        self.generic_visit(node)
        sides = [node.left, *node.comparators]
        ops = []
        for index, (op, left, right) in enumerate(zip(node.ops, sides, sides[1:])):
            site = (node.lineno, node.col_offset, index)
            if type(op) in self.SWAPPED and _plain(left) and _plain(right):
                op = self.SWAPPED[type(op)]() if self._turn(site) else op
            elif isinstance(op, (ast.Eq, ast.NotEq)) and _an_id(left) and _an_id(right) and self._turn(site):
                op = ast.NotEq() if isinstance(op, ast.Eq) else ast.Eq()
            ops.append(op)
        node.ops = ops
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        called = getattr(node.func, "attr", "") or getattr(node.func, "id", "")
        if called in ("is_", "is_not") and len(node.args) == 2 and all(map(_plain, node.args)) \
                and self._turn((node.lineno, node.col_offset, -1)):
            return ast.copy_location(ast.UnaryOp(op=ast.Not(), operand=node), node)
        return node


class _Equal(int):
    """An int that is never the interpreter's shared object for its value."""


@check("`is_cached` makes two ints equal to `value` and compares them while both are alive (traced by the check)", step=2)
def _(p):
    is_cached = p.get("is_cached", callable)
    # Made here, far outside the cache: its equal ints are new objects of
    # its size. An `is_cached` that makes its ints through 8 bytes
    # (`to_bytes(8, ...)`) cannot take 600 digits: it is given the largest
    # 64-bit int there, 19 digits, still far outside the cache.
    for digits in (600, 19):
        value = int("7" * 600) if digits == 600 else int(str(2 ** 63 - 1))
        size = real_getsizeof(value)
        tracemalloc.start()
        try:
            answer = is_cached(value)
            peak = tracemalloc.get_traced_memory()[1]
        except OverflowError:
            if digits == 600:
                continue
            raise
        finally:
            tracemalloc.stop()
        break
    if answer is not False:
        fail(f"`is_cached` of a {digits}-digit int returned {answer!r}: two ints made equal to it are two objects, "
             "so it should return False.")
    if peak < 2 * size:
        fail(f"Traced here, `is_cached` of a {digits}-digit int ({size:,} bytes as an object) allocated at most "
             f"{peak:,} bytes at any moment: it never held two new ints equal to `value` at once, so it cannot "
             "have asked Python whether they are one object. Step 2: make two ints equal to `value` at run "
             "time (`int(str(value))` twice) and return `first is second`, instead of testing the range -5 "
             "to 256 yourself.")
    return f"{peak:,} bytes at most, two ints of {size:,} bytes each."


def run_with_is_cached_inverted(p):
    """The printed lines of the program run again with its `is_cached`
    wrapped so that it answers the opposite. None if the program defines no
    top-level `is_cached`."""
    def inverted(real):
        def is_cached(*args, **kwargs):
            return not real(*args, **kwargs)
        return is_cached

    run = p.rerun("inverted", "is_cached", inverted)
    return None if run is None else run.lines


@check("the program prints `is_cached` for -6, -5, 256 and 257", step=2)
def _(p):
    for value in (-6, -5, 256, 257):
        truth = int(str(value)) is int(str(value))
        number = re.compile(r"(?<![\w.\-−])" + re.escape(str(value)) + r"(?![\d.]|,\d)")
        said = [verdict for line in p.lines for found in number.finditer(line)
                for verdict in [verdict_near(line, found)] if verdict is not None]
        if not said:
            fail(f"Step 2: print a line with {value} and what `is_cached({value})` returns (True or False); "
                 "no printed line shows both.")
        if truth not in said:
            fail(f"Your program prints {said[-1]} for `is_cached({value})`, but {value} is "
                 f"{'inside' if truth else 'outside'} the small-int cache (-5 to 256), so it should be {truth}.")
    # Each printed answer must be what is_cached returned: run again with an
    # is_cached that answers the opposite, the program must print the opposite.
    lines = run_with_is_cached_inverted(p)
    if lines is None:
        return
    for value in (-6, -5, 256, 257):
        truth = int(str(value)) is int(str(value))
        number = re.compile(r"(?<![\w.\-−])" + re.escape(str(value)) + r"(?![\d.]|,\d)")
        said = [verdict for line in lines for found in number.finditer(line)
                for verdict in [verdict_near(line, found)] if verdict is not None]
        if said and (not truth) not in said:
            fail(f"Run again here with an `is_cached` that answers the opposite, your program still printed {truth} "
                 f"for {value}: print what `is_cached({value})` returns, not a value worked out or typed beside it.")


@check("`traced_peak(build)` returns the peak traced while `build()` runs", step=3)
def _(p):
    traced_peak = p.get("traced_peak", callable)
    for what, build, low in (
            ("returns a 1,000,000-byte bytearray", lambda: bytearray(1_000_000), 1_000_000),
            ("makes a 2,000,000-byte bytearray and returns only its length", lambda: len(bytearray(2_000_000)),
             2_000_000)):
        peak = traced_peak(build)
        if tracemalloc.is_tracing():
            fail("tracemalloc is still tracing after `traced_peak` returned: stop it once you have read the peak.")
        if isinstance(peak, bool) or not isinstance(peak, (int, float)) or not low <= peak < low + 100_000:
            fail(f"With a `build` that {what}, `traced_peak` returned {peak!r}; it should be about {low:,}. "
                 "Start tracemalloc, call `build()` and keep its result, read the peak "
                 "(`tracemalloc.get_traced_memory()[1]`), then stop tracing and return the peak.")


@check("`as_list(n)` is still the list of the ints 0 to n - 1 that the task measures", step=3)
def _(p):
    as_list = p.get("as_list", callable)
    for n in (1_000, 1, 0):
        made = as_list(n)
        if type(made) is not list or made != list(range(n)):
            fail(f"`as_list({n})` returned {type(made).__name__} {_shorten(repr(made), 60)}, not the list of the ints "
                 f"0 to {n - 1}: step 3 measures `as_list(1_000_000)`, a list of a million int objects, so keep "
                 "`as_list` as the starter has it (`return list(range(n))`).")


def shown_figure(value):
    return f"{value:,.0f}" if value >= 1_000 else f"{value:,.2f}"


def _shorten(text, limit=100):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


@check("`as_array(n)` holds the ints 0 to n - 1 as 64-bit values, without a list of int objects on the way", step=3)
def _(p):
    as_array = p.get("as_array", callable)
    for n in (0, 1, 1_000):
        made = as_array(n)
        if not isinstance(made, array):
            fail(f"`as_array({n})` returned {type(made).__name__}, not an `array.array`: use "
                 "`array(\"q\", ...)` so the ints are stored as raw 64-bit values.")
        if made.typecode not in "ql" or made.itemsize != 8:
            fail(f"`as_array` uses type code {made.typecode!r} ({made.itemsize} bytes an item); the task asks "
                 "for signed 64-bit ints, type code \"q\".")
        if list(made) != list(range(n)):
            fail(f"`as_array({n})` does not hold the ints 0 to {n - 1} in order.")
    fed = lists_fed(as_array, 20_000)
    if fed:
        fail(f"Run here, `as_array(20,000)` handed `array` {len(fed):,} list(s) or tuple(s) of ints "
             f"({', '.join(f'{k:,}' for k in fed[:3])}{' ...' if len(fed) > 3 else ''} items): a list of int "
             "objects built on the way, which the task rules out, in batches or whole. Pass the range itself, "
             "or a generator, to `array`: `array(\"q\", range(n))`.")
    _, packed = peaks(p)
    if packed > 10 * N + 65_536:
        fail(f"Measured here, building `as_array({N:,})` peaked at {packed:,} bytes, far more than 8 bytes an "
             "int: a list of int objects is built on the way. Pass the range itself to `array`: "
             "`array(\"q\", range(n))`.")


@check("the program prints `sys.getsizeof` of `object()` and of each value of step 1, in order", step=1)
def _(p):
    printed = whole_numbers(p)
    measured = [number for number, by_measurement in printed if by_measurement]
    at = 0
    for position, (text, value) in enumerate(SAMPLES):
        size = real_getsizeof(value)
        try:
            at = measured.index(size, at) + 1
        except ValueError:
            after = f", after the size of `{SAMPLES[position - 1][0]}`," if position else ""
            if any(number == size for number, _ in printed):
                fail(f"Measured here, `sys.getsizeof({text})` is {size}; your program prints {size}{after} but "
                     "not as the figure its own `sys.getsizeof` call returned: print what `sys.getsizeof` "
                     "gives for each value, not numbers typed in.")
            fail(f"Measured here, `sys.getsizeof({text})` is {size}, and your program does not print {size}"
                 f"{after} where step 1 puts it. Print the sizes one per line, in the task's order, each as "
                 "`sys.getsizeof` returns it.")


@check("the program measures the two peaks with tracemalloc and prints them, near what the check measures", step=3)
def _(p):
    listed, packed = peaks(p)
    sizes, measured = p.sizes(), p.sizes(measured="peak")
    for what, wanted in ((f"the list (`as_list({N:_})`)", listed), (f"the array (`as_array({N:_})`)", packed)):
        if not any(abs(size - wanted) <= 0.25 * wanted for size in measured):
            if any(abs(size - wanted) <= 0.25 * wanted for size in sizes):
                fail(f"Measured here, {what} peaks at about {wanted:,} bytes; your program prints a figure near "
                     "that, but not a peak its own tracemalloc returned: print the peak `traced_peak` returns for "
                     "n = 1_000_000, not a number typed in, scaled up from a smaller n or taken from "
                     "`sys.getsizeof` (the size of the finished list or array is not what its build held at its "
                     "peak).")
            fail(f"Measured here, {what} peaks at about {wanted:,} bytes, and no figure your program printed is "
                 "near that. Print the peak `traced_peak` returns for it.")


@check("the program ends by saying whether a packed array holds ints in less memory than a list, as measured", step=4)
def _(p):
    said = p.conclusion(CONCLUSION, f"{CONCLUSION}: True")
    listed, packed = peaks(p)
    if said != (packed < listed):
        printed = p.sizes_naming((r"\barray", r"\blist"), (packed, listed))
        if printed is not None and said == (printed[0] < printed[1]):
            fail(f"Your program concludes {said}, which is what the peaks it printed say ({printed[0]:,.0f} bytes "
                 f"for the array against {printed[1]:,.0f} for the list), but measured here the array peaked at "
                 f"{packed:,} bytes and the list at {listed:,}: the comparison is right, the figures are not. "
                 "Check how each is measured: a fresh trace before each, the peak read while the million ints "
                 "are alive, each figure from its own build.")
        fail(f"Your program concludes {said}, but measured here the array peaked at {packed:,} bytes and the "
             f"list at {listed:,}. Compare the two peaks the right way round: `array_peak < list_peak`.")
    if not re.search(loose(CONCLUSION), p.last_line):
        fail(f"Make the line \"{CONCLUSION}: ...\" the last line your program prints, as the task asks.")
    # Worked out from the two peaks: run again with an `as_array` that holds
    # far more than the list for a moment while it builds, the array's peak
    # is the larger and the honest answer turns False (one comparing item
    # sizes, or typed, does not).
    if said:
        extra = 2 * listed

        def heavy(real):
            def as_array(*args, **kwargs):
                pad = bytearray(extra)
                built = real(*args, **kwargs)
                del pad
                return built
            return as_array

        run = p.rerun("heavy as_array", "as_array", heavy)
        if run is not None and run.raised is None and run.said(CONCLUSION) is not False:
            fail(f"Run again here with an `as_array` that holds {extra:,} bytes more while it builds (its peak then "
                 "above the list's), your program still said True: the last line must be the comparison of the "
                 "two peaks it measured, `array_peak < list_peak`.")



@check("a timing line, when the program prints one, timed `as_array` really running", step=3)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison: summing as_array(1_000_000)) must time work
    # done: not an empty loop, not nothing (inf).
    def prepare():
        as_array = p.get("as_array", callable)
        return lambda: sum(as_array(1_000_000))
    p.require_real_timing(prepare, "`sum(as_array(1_000_000))`")


# The re-run below: the program's `as_array` hands back its array copied into
# an array('i') (4 bytes an item, so the peak grows by the copy and the data
# halves), its `as_list` (when defined before `as_array`, as in the starter)
# one int longer (so the list over-allocates), and `sys.getsizeof` answers
# 1,000 bytes more: every figure worked out from these moves.
GROWN_BY = 1_000


def run_moved(p):
    def halved(real):
        space = getattr(real, "__globals__", {})
        as_list = space.get("as_list")
        if callable(as_list):
            def longer(*args, **kwargs):
                made = as_list(*args, **kwargs)
                made.append(0)
                return made
            space["as_list"] = longer

        def as_array(*args, **kwargs):
            return array("i", real(*args, **kwargs))
        return as_array

    def getsizeof(real):
        return lambda *args: real(*args) + GROWN_BY

    return p.rerun("moved", "as_array", halved, modules={"sys": {"getsizeof": getsizeof}})


def numbers_within(lines, low, high, whole=False):
    """How many numbers, as printed (no unit read), `lines` hold between low
    and high (`whole`: only those printed without a fraction)."""
    return sum(low <= float(m.group(1).replace(",", "") + (m.group(2) or "")) <= high
               for line in lines for m in _NUMBER.finditer(line) if not (whole and m.group(2)))


_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d.]|,\d)")


@check("the array's peak printed is its own measurement: run again with an `as_array` that also copies its ints into an array('i'), the printed peak moves with it", step=3)
def _(p):
    as_array = p.get("as_array", callable)
    run = run_moved(p)
    if run is None:
        fail("Your program defines no function `as_array` at the top level.")
    moved = p.peak(f"as_array({N:,}) copied into an array('i')", lambda: array("i", as_array(N)))
    if not any(abs(size - moved) <= 0.05 * moved for size in p.sizes(lines=run.lines)):
        fail(f"Run again here with an `as_array` that also copies its ints into an array('i') (so it peaks at about "
             f"{moved:,} bytes), your program printed no figure near that: print the peak your `traced_peak` "
             f"returned for `as_array({N:_})`, not a number typed in or measured on something else.")


@check("every figure the program works out from its measurements moves with them when it runs again with other objects", step=3)
def _(p):
    # The task asks for the peaks and the sizes; a program that prints more
    # figures worked out from them (as the reference does: bytes per int, the
    # ratio of the peaks, the array's data size, the list's own size) must
    # work them out, not type them. Re-run (see run_moved), each such figure
    # moves: of the numbers near it, fewer may be printed again (none, for
    # `sys.getsizeof` of a small int, whose every size moves by 1,000: of the
    # whole numbers, as a size is printed).
    listed, packed = peaks(p)
    as_list, as_array = p.get("as_list", callable), p.get("as_array", callable)
    data = len(as_array(N)) * as_array(1).itemsize
    own = real_getsizeof(as_list(N))
    small = real_getsizeof(1000)
    windows = (("bytes per int of the array's peak", packed / N * 0.985, packed / N * 1.015, False),
               ("the ratio of the list's peak to the array's", listed / packed * 0.98, listed / packed * 1.02, False),
               ("the array's data (`len(a) * a.itemsize`)", data - 10, data + 10, False),
               ("the array's data in MiB", data / 2 ** 20 * 0.994, data / 2 ** 20 * 1.006, False),
               ("the list's own `sys.getsizeof`", own - 8, own + 8, False),
               ("`sys.getsizeof` of an int", small, small, True))
    printed = [(what, low, high, everyone, numbers_within(p.lines, low, high, everyone))
               for what, low, high, everyone in windows]
    if not any(count for *_, count in printed):
        return "No such figure printed."
    run = run_moved(p)
    if run is None:
        fail("Your program defines no function `as_array` at the top level.")
    for what, low, high, everyone, count in printed:
        again = numbers_within(run.lines, low, high, everyone)
        if count and (again if everyone else again >= count):
            fail(f"Your program printed a figure near {shown_figure((low + high) / 2)} ({what}). Run again here with an `as_array` that also "
                 "copies its ints into an array('i'), an `as_list` one int longer and a `sys.getsizeof` that answers "
                 "1,000 bytes more, it printed it again where the figure should have moved: work every figure out "
                 "from what your program measured, not type it in.")
