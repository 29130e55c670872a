"""Checks for copy-on-write. `CowView` (named by the task, with `get` and
`set`) is driven by the check over dicts of its own: two views writing,
the original read after each write, and the memory of creating views and
of the first and later writes traced here. The figures the program prints
for each kind of view are compared with what the check measures with the
program's own classes, and count only as the program's own tracemalloc
returned them (provenance: traced bytes, not typed, not scaled, not a
`sys.getsizeof`); the conclusion is
recomputed from those measurements. The given `EagerView` must still copy
in its constructor (step 1), and the program's own check of the old values
(step 4) is observed by running the program again here with a `CowView`
whose writes leak into the dict it was given: a program that checks the
second view and the original notices (an assertion fails, or a printed
value or True/False changes); one that never looks prints the same. With
the writes leaking into the dict, a line about the CowViews must change:
one that reads the "old" value from the dict after the write still says
True there (only its EagerView line, compared with the leaked value, turns)."""
import re
import tracemalloc

from heapwise_check import check, fail, heading_unit

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the eager views", r"\bEagerView\b"),
    ("the copy-on-write views", r"\bCowView\b"),
)


MEMO = {}

# A number as a program may print it (1168, 1,168, 1_168, 203.4), with an
# optional unit after it: bytes, KiB, kB, MiB, MB.
AMOUNT = re.compile(r"(?<![\w.])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?\s*(kib|kb|k|mib|mb|m)?(?![\w.]\d)",
                    re.IGNORECASE)
SCALES = {"": (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,),
          "m": (1e6, 2 ** 20), "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}
KINDS = {"EagerView": r"(?i)eager", "CowView": r"(?i)cow|copy[\W_]*on[\W_]*write"}


def giving(line, want, share, slack=0, p=None):
    """Where on the line a number printed (in bytes or any unit) is within
    `share` of `want` plus `slack` bytes (or the rounding it was printed
    with): their spans; with `p`, only figures the program's own
    tracemalloc returned as the traced size at one moment (not a
    `sys.getsizeof`, nor a peak)."""
    spans = []
    for match in AMOUNT.finditer(line):
        if p is not None and not p.measured(match, (1, 2), traced="current"):
            continue
        whole, fraction, unit = match.group(1), match.group(2) or "", (match.group(3) or heading_unit(match)).lower()
        value = float(re.sub(r"[,_]", "", whole) + fraction)
        step = 10 ** -len(fraction[1:]) if fraction else 1
        if any(abs(value * scale - want) <= max(want * share + slack, step * scale / 2) for scale in SCALES[unit]):
            spans.append(match.span())
    return spans


def gives(line, want, share, slack=0, p=None):
    """True when a number printed on the line is within `share` of `want`
    (see `giving`)."""
    return bool(giving(line, want, share, slack, p))


def config():
    return {f"key{i}": i for i in range(10_000)}


def figures(p):
    """Traced bytes held by two views of each kind over the task's dict,
    after creating them and after one write through the first, measured here."""
    if "figures" not in MEMO:
        found = {}
        data = config()
        for name in ("EagerView", "CowView"):
            kind = p.get(name, type)
            tracemalloc.start()
            try:
                start = tracemalloc.get_traced_memory()[0]
                views = (kind(data), kind(data))
                created = tracemalloc.get_traced_memory()[0] - start
                views[0].set("key0", -1)
                written = tracemalloc.get_traced_memory()[0] - start
            finally:
                tracemalloc.stop()
            del views
            found[name] = (created, written)
        MEMO["figures"] = found
    return MEMO["figures"]


def run_again(p, leak):
    """The program run again with `CowView`'s methods wrapped: with `leak`
    "dict", every write through a view is also written into each dict a
    view was given; with "views", every view reads it back (the other views
    over the same dict see the write, the dict does not); with False,
    nothing changes (the wrapping allocates the same each way, so the
    figures the program prints move only as between two runs). Returns
    the run (its printed `text` and `lines`, and `raised`, the exception's
    type name or None)."""
    given, written = [], {}

    def wrap(cls):
        init, setter, getter = cls.__init__, cls.set, cls.get

        def __init__(self, data, *args, **kwargs):
            given.append(data)
            init(self, data, *args, **kwargs)

        def set(self, key, value):
            setter(self, key, value)
            written[key] = value
            for data in given:
                if leak == "dict" and isinstance(data, dict):
                    data[key] = value

        def get(self, key, *args, **kwargs):
            if leak == "views" and key in written:
                return written[key]
            return getter(self, key, *args, **kwargs)

        cls.__init__, cls.set, cls.get = __init__, set, get

    run = p.rerun(("leaking", leak), "CowView", wrap)
    if run is None:
        fail("Your program defines no class `CowView` at the top level.")
    given.clear()
    written.clear()
    return run


# A number on a printed line: small whole numbers (a value the program read
# back, such as 0 or -1) must be the same in both runs; measured figures
# (large, or with a fraction) and timings move between runs and are not compared.
FIGURE = re.compile(r"[-+\u2212]?\d(?:[\d_]|,(?=\d))*(?:\.\d+)?")  # "42, original": the comma is not the number's


def line_differs(x, y):
    """True when two printed lines differ in more than measured figures."""
    if FIGURE.sub("#", x) != FIGURE.sub("#", y):
        return True
    for u, v in zip(FIGURE.findall(x), FIGURE.findall(y)):
        small = [re.fullmatch(r"[-+\u2212]?\d{1,3}", w) and abs(int(w.replace("\u2212", "-"))) < 256
                 for w in (u, v)]
        if any(small) and u != v:
            return True
    return False


def differs(clean, leaky):
    """True when two outputs of the program differ in more than measured figures."""
    a, b = clean.splitlines(), leaky.splitlines()
    return len(a) != len(b) or any(line_differs(x, y) for x, y in zip(a, b))


def changed(clean, leaky):
    """The indexes of the lines that differ (in more than measured figures)
    between two outputs of the same length; None when their lengths differ."""
    a, b = clean.splitlines(), leaky.splitlines()
    if len(a) != len(b):
        return None
    return {i for i, (x, y) in enumerate(zip(a, b)) if line_differs(x, y)}


@check("`EagerView` (given) still copies the dict when it is created, so its writes stay its own", step=1)
def _(p):
    eager = p.get("EagerView", type)
    data = config()
    first, second = eager(data), eager(data)
    first.set("key0", -1)
    if first.get("key0") != -1:
        fail("After `first.set(\"key0\", -1)` on an EagerView, `first.get(\"key0\")` does not return -1.")
    if second.get("key0") != 0 or data["key0"] != 0:
        fail("A write through one EagerView changed the dict it was given: the other view or the original now "
             "sees it. `EagerView` is given: it copies the dict in its constructor (`dict(data)`).")
    data["key1"] = -7
    if first.get("key1") != 1:
        fail("A change made to the original dict after an EagerView was created shows through the view: the "
             "given `EagerView` should copy the dict in its constructor, not keep the caller's dict.")
    table = p.peak("dict(config)", lambda: dict(data))
    made = p.peak("one EagerView created", lambda: eager(data))
    if made < 0.8 * table:
        fail(f"Creating one EagerView over a 10,000-entry dict took {made:,} bytes at peak, a copy of the dict "
             f"{table:,} (measured here): the given `EagerView` should copy the dict in its constructor.")


@check("a `CowView` reads the dict it was given, and a write through it changes only that view", step=2)
def _(p):
    view = p.get("CowView", type)
    data = config()
    first, second = view(data), view(data)
    if first.get("key5") != 5:
        fail(f"`CowView(config).get(\"key5\")` returned {first.get('key5')!r}; a fresh view should read "
             "through to the dict it was given (5).")
    first.set("key0", -1)
    if first.get("key0") != -1:
        fail("After `first.set(\"key0\", -1)`, `first.get(\"key0\")` does not return -1.")
    if second.get("key0") != 0 or data["key0"] != 0:
        fail("A write through one CowView changed the shared dict: the other view or the original now "
             "sees it. Copy the dict on the first write and write into the copy.")
    second.set("key0", -2)
    second.set("new key", "added")
    if first.get("key0") != -1 or second.get("key0") != -2 or data["key0"] != 0:
        fail("When two CowViews of the same dict each write `key0`, each should read back its own value and "
             f"the dict keep 0; they read {first.get('key0')!r} and {second.get('key0')!r}, the dict holds "
             f"{data['key0']!r}. Give each view its own copy (an attribute of `self`, not of the class).")
    if second.get("new key") != "added" or "new key" in data:
        fail("`set` of a key the dict does not have should add it to that view only.")


@check("creating a `CowView` copies nothing (measured by the check)", step=2)
def _(p):
    view = p.get("CowView", type)
    eager = p.get("EagerView", type)
    data = config()
    eager_bytes = p.peak("two EagerViews created", lambda: (eager(data), eager(data)))
    cow_bytes = p.peak("two CowViews created", lambda: (view(data), view(data)))
    if cow_bytes * 20 > eager_bytes:
        fail(f"Creating two CowViews over a 10,000-entry dict took {cow_bytes:,} bytes at peak, against "
             f"{eager_bytes:,} for two EagerViews: the constructor should keep the dict it is given, "
             "not copy it.")
    return f"{cow_bytes:,} bytes, against {eager_bytes:,} for two EagerViews."


@check("a `CowView` copies the dict once, on its first write, and keeps every later write in that copy", step=2)
def _(p):
    view = p.get("CowView", type)
    data = config()
    writer = view(data)
    first = p.peak("first write through a CowView", lambda: writer.set("key0", -1))
    second = p.peak("second write through the same CowView", lambda: writer.set("key1", -2))
    if writer.get("key0") != -1 or writer.get("key1") != -2:
        fail("After two writes through the same CowView, it no longer returns the first one: copy only "
             "on the first write, and write every later change into that same copy.")
    if second * 20 > first:
        fail(f"The second write took {second:,} bytes at peak, the first {first:,}: the view copied the "
             "dict again. Remember that it owns its copy (a flag set on the first write).")


@check("the program prints, for each kind of view, the traced bytes of two views after creating them and after one write", step=3)
def _(p):
    for name, (created, written) in figures(p).items():
        naming = p.naming(KINDS[name])
        # Two CowViews hold a few hundred bytes: more when the program makes
        # the first instances of its class (their shared attribute keys).
        places = {}
        for what, want, slack in (("after creating two views", created, 2_048 if name == "CowView" else 256),
                                  ("after one write", written, 256)):
            places[what] = {(i, span) for i, line in enumerate(naming) for span in giving(line, want, 0.1, slack, p)}
            if not places[what]:
                if any(gives(line, want, 0.1, slack) for line in naming):
                    fail(f"The figure your program printed for {name} {what} (about {want:,} bytes, measured "
                         "here) is not one its own tracemalloc returned as the size held then: read "
                         "`tracemalloc.get_traced_memory()[0]` before and after, and print the difference it gives, "
                         "not a number typed in, scaled from a smaller measurement, a peak (`[1]`) or taken from "
                         "`sys.getsizeof` of the copies.")
                fail(f"No printed line naming {name} gives the traced bytes {what} (about {want:,} bytes, "
                     "measured here with your classes over the task's dict): print each figure with the kind "
                     "of view it is about.")
        # Two EagerViews hold about as much before the write as after it, so
        # one measured figure could pass for both: they must be two figures.
        if not any(a != b for a in places["after creating two views"] for b in places["after one write"]):
            fail(f"Your program printed one measured figure for {name} where step 3 asks for two: the traced "
                 "bytes after creating the two views and, measured again, after one write. Read "
                 "`tracemalloc.get_traced_memory()` after the write too and print what it gives.")


BALLAST = 200_000  # bytes a write, or a view until its first write, holds in the re-runs below


def heavier_writes(cls):
    """The program's view class, each `set` through it also holding
    BALLAST bytes from then on (kept in a list of the check's)."""
    kept, real = [], cls.set

    def set(self, *args, **kwargs):
        kept.append(bytearray(BALLAST))
        return real(self, *args, **kwargs)
    cls.set = set


def held_until_written(cls):
    """The program's view class, each view also holding BALLAST bytes (in
    a dict of the check's) from its creation to its first write."""
    held, init, real = {}, cls.__init__, cls.set

    def __init__(self, *args, **kwargs):
        held[id(self)] = bytearray(BALLAST)
        init(self, *args, **kwargs)

    def set(self, *args, **kwargs):
        held.pop(id(self), None)
        return real(self, *args, **kwargs)
    cls.__init__, cls.set = __init__, set


def not_grown(p, key, wrap):
    """(kind of view, bytes expected) for the first kind whose after-write
    figure did not grow by BALLAST when the program ran again with both view
    classes changed by `wrap`; None when both did, or the run raised."""
    found = figures(p)
    run = p.rerun(key, "EagerView", wrap, optional={"CowView": wrap})
    if run is None or run.raised is not None:
        return None
    for name, (_, written) in found.items():
        want = written + BALLAST
        if not any(gives(line, want, 0.1, 2_048) for line in p.naming(KINDS[name], run.lines)):
            return name, want
    return None


@check("the after-write figures are measured after a write: run again with each write holding 200,000 bytes more, both grow by that", step=3)
def _(p):
    # An after-write figure reused from the after-creation one (an eager view
    # "already owns its copy"), or measured where no write was made, does
    # not see what the write holds.
    missed = not_grown(p, "heavier writes", heavier_writes)
    if missed:
        name, want = missed
        fail(f"Run again here with each write through a view holding {BALLAST:,} bytes more, no figure your "
             f"program printed for {name} after one write grew to about {want:,} bytes: write through the first "
             "view, then read `tracemalloc.get_traced_memory()[0]` and print what it gives, for each kind.")


@check("the write is made through one of the two views measured: run again with each view holding 200,000 bytes until its first write, each after-write figure grows by one view's 200,000", step=3)
def _(p):
    # Two views measured, the write made on a third (or on a view made
    # outside the trace) and its cost added: the two untouched views still
    # hold their 200,000 each, so that figure grows by twice as much.
    missed = not_grown(p, "held until written", held_until_written)
    if missed:
        name, want = missed
        fail(f"Run again here with each view holding {BALLAST:,} bytes from its creation until its first write, "
             f"no figure your program printed for {name} after one write grew to about {want:,} bytes (the two "
             "views measured, less the one written through): step 3 writes through the first of the two views "
             "it created, in the same trace, and reads the traced size then.")


@check("the program checks that the second view and the original dict still hold the old value", step=4)
def _(p):
    p.get("CowView", type)
    clean = run_again(p, leak=False)
    if clean.raised:
        fail(f"Run again here, your program raised {clean.raised}; it should run to the end as it did before.")
    views = run_again(p, leak="views")
    if not (views.raised or differs(clean.text, views.text)):
        fail("Run again here with a CowView whose writes are seen by the other views over the same dict (but not "
             "by the dict), your program printed the same and raised nothing: step 4 asks it to check that the "
             "second view and the original dict both still hold the old value after the write (print what they "
             "hold, or `assert` it).")
    # The lines about the CowViews' isolation: those that changed just now
    # (only CowView was wrapped), and those naming CowView. A write that also
    # reaches the dict must change one of them: a program that reads the
    # "old" value from the dict after the write compares the dict with
    # itself and still prints True for CowView, while its EagerView line,
    # compared with that leaked value, turns False.
    named = p.naming(KINDS["CowView"], clean.lines)
    about_cow = set(changed(clean.text, views.text) or ()) | {
        i for i, line in enumerate(clean.lines) if any(line is name for name in named)}
    leaky = run_again(p, leak="dict")
    if leaky.raised:
        return "Run again with a CowView whose writes leak into the dict, or into the other views, your program noticed."
    lines = changed(clean.text, leaky.text)
    if lines is not None and not lines:
        fail("Run again here with a CowView whose writes also reach the dict it was given, your program printed "
             "the same and raised nothing: step 4 asks it to check that the second view and the original dict "
             "both still hold the old value after the write (print what they hold, or `assert` it).")
    if lines is not None and not lines & about_cow:
        fail("Run again here with a CowView whose writes also reach the dict it was given, what your program "
             "printed about the CowViews stayed the same (only other lines changed, such as the EagerViews'): "
             "their second view and the original now hold the new value, so an \"old value\" read from the "
             "dict after the write is the new one too, and comparing with it proves nothing. Keep the old value "
             "from before the write (or the value the dict was built with) and compare the second view and the "
             "original with that.")
    return "Run again with a CowView whose writes leak into the dict, or into the other views, your program noticed."


@check("the program concludes: copy-on-write holds less after one write: True", step=4)
def _(p):
    said = p.conclusion("copy-on-write holds less after one write")
    found = figures(p)
    # One copy against two: a real difference, not a few bytes either way.
    truth = found["CowView"][1] < 0.75 * found["EagerView"][1]
    if said != truth:
        fail(f"Your program concluded {said}, but measured here with your classes two CowViews hold "
             f"{found['CowView'][1]:,} bytes after one write and two EagerViews {found['EagerView'][1]:,}: "
             "compare your two after-write figures.")
    if not truth:
        fail("After one write, your two CowViews do not hold less than two EagerViews (see the checks above).")
    # The conclusion must compare the program's own after-write figures: run
    # again with a CowView whose first write also keeps a 4,000,000-byte
    # buffer alive, two CowViews then hold far more than two EagerViews, and
    # the honest conclusion turns False.
    def heavy(cls):
        setter = cls.set

        def set(self, key, value):
            setter(self, key, value)
            if "_heapwise_ballast" not in vars(self):
                vars(self)["_heapwise_ballast"] = bytearray(4_000_000)
        cls.set = set
    run = p.rerun("heavy write", "CowView", heavy)
    if run is not None and run.said("copy-on-write holds less after one write") is not False:
        fail("Run again here with a CowView whose first write also keeps a 4,000,000-byte buffer alive, your "
             "program still concluded that copy-on-write holds less after one write: compare the two after-write "
             "figures your program measured, do not type the answer in.")




def views_from_scratch(cow, entries=10_000, wrappers=4, writers=1):
    """The reference's timed work with the program's `CowView`: a table of
    int keys, four views over it, one write through the first, every view
    read back."""
    table = {key: key * 3 for key in range(entries)}
    views = [cow(table) for _ in range(wrappers)]
    for writer in range(writers):
        views[writer].set(0, 1_000_000 + writer)
    unchanged = sum(view.get(0) == table[0] for view in views[writers:])
    return sum(view.get(key) for view in views for key in range(entries)) + sum(table.values()) + unchanged


@check("a timing line, when the program prints one, timed `CowView`s really being made, written and read", step=2)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison) must time work done. The check's round reads
    # each view through `get`, a little slower than the reference's: well
    # inside the allowance.
    def prepare():
        cow = p.get("CowView", type)
        return lambda: views_from_scratch(cow)
    p.require_real_timing(prepare, "four `CowView`s over a table of 10,000 entries, one written, all read back")
