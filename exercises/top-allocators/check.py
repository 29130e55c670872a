"""Checks for top-allocators. `top_allocators` is called on the program's
workload (the function it passes to `top_allocators`, `workload` in the
starter; the task does not fix its name) and on a workload of the check's own, compiled under the
program's file name (so the program's own-file filter keeps it) at lines
far below the program's last, allocating on three lines whose sizes are in
another order than their lines, and whose blocks are in yet another (the
smallest line makes 1,000 small objects, the two big ones one buffer
each), so only a ranking by bytes (`size_diff`) comes out right. The sites must come back as
(filename, lineno, size_diff, count_diff) tuples, biggest first, `limit` of
them, counting only what `work()` allocated. The printed sites, the
course's unguarded comparison and its two statements, the two list sizes
and the conclusion are compared with what the check finds itself; the
printed sizes count only as the program's own `compare_to` and
`sys.getsizeof` returned them (provenance), and a site's growth only as its
`compare_to` traced it (a `sys.getsizeof` is no `size_diff`)."""
import ast
import os
import re
import sys
import tracemalloc

from heapwise_check import check, fail, heading_unit, loose, number

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the workload's list, dict and string", r"range\(50_000\)\]|range\(10_000\)\}|\* 1_000_000\b"),
    ("the appended list", r"\.append\(|^\s*for \w+ in range\(50_?000\)|^\s*while \w+ < 50_?000"),
    ("the list at its final length", r"\blist\(range\(50_000\)\)|\[0\] \* 50_000"),
)

MEMO = {}
FIRST_LINE = 50_001  # where the check's own workload starts in the program's file
CHECK_WORK = "\n" * (FIRST_LINE - 1) + """def check_work():
    first = list(map(bytearray, [16] * 1_000))
    second = bytearray(480_000)
    third = bytearray(250_000)
    elsewhere = allocate_elsewhere()
    return first, second, third, elsewhere
"""
# A bigger allocation made in another file: a program that does not keep
# only its own file's lines reports it first.
ELSEWHERE = """def allocate_elsewhere():
    return bytearray(900_000)
"""
# The check's workload, biggest first: (line, bytes asked for). The first
# line's 1,000 small bytearrays (about 80,000 bytes with the list, less on a
# 32-bit build) gain by far the most blocks, the two buffers two blocks each:
# a ranking by `count_diff` puts the smallest line first.
CHECK_SITES = [(FIRST_LINE + 2, 480_000), (FIRST_LINE + 3, 250_000), (FIRST_LINE + 1, None)]
CHECK_WORK_TEXT = ("1,000 small bytearrays on one line, then buffers of 480,000 and 250,000 bytes on the next "
                   "two lines of your file (and 900,000 bytes in another file)")


# A block the check holds on a line of the program's file, below the
# check's workload, and frees inside `work()`: the line shrinks by more than
# any line grows, so a ranking by the absolute `size_diff` (compare_to's own
# order) puts it first.
HOLD_LINE = FIRST_LINE + 10
HOLD_BYTES = 2_000_000
HOLD = "\n" * (HOLD_LINE - 2) + """def hold():
    return bytearray(2_000_000)
"""


def hold(p):
    if "hold" not in MEMO:
        space = {}
        exec(compile(HOLD, p.names["__file__"], "exec"), space)
        MEMO["hold"] = space["hold"]
    return MEMO["hold"]


def check_work(p):
    if "work" not in MEMO:
        space = {}
        other = os.path.join(os.path.dirname(p.names["__file__"]), "another_module.py")
        exec(compile(ELSEWHERE, other, "exec"), space)
        exec(compile(CHECK_WORK, p.names["__file__"], "exec"), space)
        # One call made here first, so that what an interpreter keeps from a
        # function's first call (3.8 keeps a block on the first line) is there
        # before any snapshot: every call after it gains the same blocks.
        space["check_work"]()
        MEMO["work"] = space["check_work"]
    return MEMO["work"]


def check_work_lines(p):
    """{line: (bytes, blocks)} that the check's workload allocates, measured here once."""
    if "work lines" not in MEMO:
        work = check_work(p)
        tracemalloc.start()
        try:
            kept = work()
            snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        del kept
        stats = snapshot.filter_traces([tracemalloc.Filter(True, p.names["__file__"])]).statistics("lineno")
        MEMO["work lines"] = {stat.traceback[0].lineno: (stat.size, stat.count) for stat in stats}
    return MEMO["work lines"]


def sites_of(p, work, limit=None):
    """top_allocators(work[, limit]), checked to be a list of 4-tuples."""
    top_allocators = p.get("top_allocators", callable)
    sites = top_allocators(work) if limit is None else top_allocators(work, limit=limit)
    call = "top_allocators(work" + ("" if limit is None else f", limit={limit}") + ")"
    if not isinstance(sites, (list, tuple)):
        fail(f"`{call}` returned {type(sites).__name__}; it should return a list of tuples.")
    for site in sites:
        if not (isinstance(site, tuple) and len(site) == 4 and isinstance(site[0], str)
                and all(isinstance(x, int) and not isinstance(x, bool) for x in site[1:])):
            fail(f"`{call}` returned the site {site!r}; each site should be a tuple "
                 "`(filename, lineno, size_diff, count_diff)`: a string and three whole numbers.")
    return list(sites)


def workload_name(p):
    """The name of the program's workload: the top-level function it passes
    to `top_allocators` (first argument or `work=`), else `workload`, as the
    starter calls it."""
    if "name" not in MEMO:
        tree = ast.parse(p.source)
        defined = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
        passed = []
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "top_allocators":
                given = call.args[:1] + [k.value for k in call.keywords if k.arg == "work"]
                passed += [a.id for a in given if isinstance(a, ast.Name) and a.id in defined]
        MEMO["name"] = passed[0] if passed else "workload"
    return MEMO["name"]


def program_workload(p):
    """The program's workload function (fails in words when there is none)."""
    return p.get(workload_name(p), callable)


def same_file(p, filename):
    return os.path.abspath(filename) == os.path.abspath(p.names["__file__"])


def workload_lines(p):
    """[(line, bytes, blocks)] of the program's file that hold the most after
    workload(), biggest first, measured here once."""
    if "lines" not in MEMO:
        workload = program_workload(p)
        tracemalloc.start()
        try:
            kept = workload()
            snapshot = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        del kept
        stats = snapshot.filter_traces([tracemalloc.Filter(True, p.names["__file__"])]).statistics("lineno")
        MEMO["lines"] = [(stat.traceback[0].lineno, stat.size, stat.count) for stat in stats[:3]]
    return MEMO["lines"]


# A figure as a program may print it: 2043136, 2,043,136, +2,043,136, 1.9 MiB, 1995.2 KiB.
SIZE = re.compile(r"(?<![\w.])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?\s*(kib|kb|k|mib|mb)?(?!\w)", re.IGNORECASE)
UNITS = {None: (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,), "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}


def sizes_in(line, p=None):
    """The sizes printed on the line; with `p` (the line one of p.lines), only
    those the program's own tracemalloc traced (provenance: a `size_diff`, not
    a `sys.getsizeof`)."""
    sizes = []
    for found in SIZE.finditer(line):
        if p is not None and not p.measured(found, (1, 2), traced=True):
            continue
        value = float(re.sub(r"[,_]", "", found.group(1)) + (found.group(2) or ""))
        sizes += [value * factor for factor in UNITS[(found.group(3) or heading_unit(found)).lower() or None]]
    return sizes


@check("`top_allocators(work)` returns (filename, lineno, size_diff, count_diff) tuples, biggest first", step=1)
def _(p):
    sites = sites_of(p, check_work(p))
    got = [(site[1], site[2]) for site in sites]
    wanted = [line for line, _ in CHECK_SITES]
    if [line for line, _ in got] != wanted or not all(same_file(p, site[0]) for site in sites):
        measured = check_work_lines(p)
        grown = ", ".join(f"line {line}: {measured[line][0]:,} bytes in {measured[line][1]:,} blocks"
                          for line in wanted if line in measured)
        fail(f"Given a `work()` that makes {CHECK_WORK_TEXT}, `top_allocators(work)` returned the lines "
             f"{[(os.path.basename(site[0]), site[1]) for site in sites]}; it should return {wanted} ({grown}): "
             "those three lines of your file, the one that grew the most bytes first, each with your file's name. "
             "Keep only your file's traces (`tracemalloc.Filter(True, __file__)`) and sort by `size_diff` (the "
             "bytes a line gained, not `count_diff`, the blocks), biggest first.")
    # With a line of the same file that freed more than any line grew: that
    # line grew the least, so it is not among them.
    work = check_work(p)
    tracemalloc.start()
    try:
        held = [hold(p)()]
        sites_freeing = sites_of(p, lambda: (held.clear(), work())[1])
    finally:
        if tracemalloc.is_tracing():
            tracemalloc.stop()
    if [site[1] for site in sites_freeing] != wanted:
        fail(f"Given a `work()` that makes {CHECK_WORK_TEXT}, and first frees a {HOLD_BYTES:,}-byte buffer made "
             f"on line {HOLD_LINE} of your file while tracing was on, `top_allocators(work)` returned the lines "
             f"{[site[1] for site in sites_freeing]}; it should return {wanted}, the lines that grew the most, "
             f"biggest first. Line {HOLD_LINE} shrank by {HOLD_BYTES:,} bytes (its `size_diff` is negative): "
             "`compare_to` orders by the size of the change either way, so sort by `size_diff` itself, "
             "biggest first.")
    measured = check_work_lines(p)
    for site in sites:
        size, count = measured[site[1]]
        if abs(site[2] - size) > 0.01 * size:
            fail(f"`top_allocators(work)` says line {site[1]} grew by {site[2]:,} bytes; measured here it grew by "
                 f"{size:,}. Return each line's `size_diff`.")
        if site[3] != count:
            fail(f"`top_allocators(work)` says line {site[1]} grew by {site[3]:,} blocks; measured here it grew by "
                 f"{count:,}. Return each line's `count_diff`.")


@check("`top_allocators` counts only what `work()` allocated, and keeps it alive until the second snapshot", step=1)
def _(p):
    work = check_work(p)
    tracemalloc.start()
    try:
        already = work()  # allocated before top_allocators runs, on the same lines
        sites = sites_of(p, work)
    finally:
        if tracemalloc.is_tracing():
            tracemalloc.stop()
    del already
    # The biggest growth it returned, wherever it put it (the order is the check above's business).
    top = max((site[2] for site in sites), default=None)
    if top is None or top < 0.9 * CHECK_SITES[0][1]:
        fail("Given a `work()` whose biggest line allocates 480,000 bytes, `top_allocators(work)` found "
             + (f"at most {top:,} bytes on a line" if sites else "nothing that grew")
             + ": keep what `work()` returns alive until the second snapshot (`kept = work()`), so that what "
             "it made is still there to compare.")
    if top > 1.5 * CHECK_SITES[0][1]:
        fail(f"Called while tracing was already on and a first result of `work()` was alive, "
             f"`top_allocators(work)` reported {top:,} bytes for one line, though no line of `work()` allocates "
             f"more than {CHECK_SITES[0][1]:,}: it counts memory that existed before `work()` ran. Take a snapshot before "
             "`work()` and compare the one after with it (`after.compare_to(before, \"lineno\")`).")


@check("`top_allocators` returns exactly `limit` sites", step=1)
def _(p):
    for limit in (1, 2):
        sites = sites_of(p, check_work(p), limit=limit)
        if [site[1] for site in sites] != [line for line, _ in CHECK_SITES[:limit]]:
            fail(f"Given a `work()` that makes {CHECK_WORK_TEXT}, `top_allocators(work, limit={limit})` returned "
                 f"{len(sites)} site(s), lines {[site[1] for site in sites]}; it should return the {limit} that "
                 f"grew the most bytes, lines {[line for line, _ in CHECK_SITES[:limit]]}.")


@check("`top_allocators(workload)` finds workload's three lines, and the program prints them", step=1)
def _(p):
    sites = sites_of(p, program_workload(p))
    measured = workload_lines(p)
    if sorted(site[1] for site in sites) != sorted(line for line, _, _ in measured):
        name = workload_name(p)
        fail(f"`top_allocators({name})` returned the lines {[site[1] for site in sites]}; the three lines of "
             f"`{name}` that allocate the most are {[line for line, _, _ in measured]}.")
    for line, size, _ in measured:
        if not any(p.names_line(index, line) and any(abs(s - size) <= 0.1 * size for s in sizes_in(text))
                   for index, text in enumerate(p.lines)):
            fail(f"Print the three sites: line {line} of your file grew by about {size:,} bytes, and no printed "
                 "line shows that line number with that size.")
        if not any(p.names_line(index, line) and any(abs(s - size) <= 0.1 * size for s in sizes_in(text, p))
                   for index, text in enumerate(p.lines)):
            fail(f"Step 1: line {line} of your file grew by about {size:,} bytes, and the size your program printed "
                 "for it is not the `size_diff` its own `top_allocators` returned: print the sites it returns, "
                 "not sizes typed in or taken from `sys.getsizeof`.")


# A line naming tracemalloc.py and a line number: "tracemalloc.py:560", "tracemalloc.py, line 560",
# "tracemalloc.py line 560", or a table's "tracemalloc.py      560".
SITE_OF_TRACEMALLOC = r"""tracemalloc\.py[\s:,;|("']*(?:(?:at )?line(?:no)?[\s:=#]*)?\d"""


@check("the program runs the course's comparison and prints what it reports", step=2)
def _(p):
    p.printed(SITE_OF_TRACEMALLOC,
              "Step 2: run the course's comparison (snapshot, `workload()` without keeping its result, snapshot, "
              "`after.compare_to(before, \"lineno\")` over every file) and print what it reports: its top lines, "
              "with their files and line numbers.")
    # What it reports is measured: the size_diff of an entry naming
    # tracemalloc.py, as the program's own compare_to returned it.
    if not any(re.search(SITE_OF_TRACEMALLOC, line) and sizes_in(line, p) for line in p.lines):
        fail("Step 2: the lines your program printed for the course's comparison name tracemalloc.py, but no "
             "figure on them is a `size_diff` its own `compare_to` returned: run the comparison and print its "
             "entries (`print(stat)`, or their `size_diff`), not a report typed in nor a `sys.getsizeof`.")


def course_way(p):
    """What the course's comparison reports here: (finds a site above 100,000 bytes, names tracemalloc.py)."""
    if "course" not in MEMO:
        workload = program_workload(p)
        tracemalloc.start()
        try:
            before = tracemalloc.take_snapshot()
            workload()
            after = tracemalloc.take_snapshot()
        finally:
            tracemalloc.stop()
        top = after.compare_to(before, "lineno")[:3]
        MEMO["course"] = (any(stat.size_diff > 100_000 for stat in top),
                          any(os.path.basename(stat.traceback[0].filename) == "tracemalloc.py" for stat in top))
    return MEMO["course"]


def said_in(lines, statement):
    """True or False: the value the last of `lines` naming `statement` gives it; None when none does."""
    pattern = re.compile(loose(statement) + r".*\b(True|False)\b", re.IGNORECASE)
    found = [m.group(1).lower() == "true" for line in lines for m in [pattern.search(line)] if m]
    return found[-1] if found else None


def run_with_leaky_workload(p):
    """The program run again with a `workload` that, besides its own work,
    keeps three buffers of 400,000, 300,000 and 200,000 bytes alive (made in
    check.py, so the program's own-file filter leaves them out): the course's
    unguarded comparison then finds them, above 100,000 bytes, as its top
    three lines, and no tracemalloc.py line among them. None when the program
    has no top-level `workload`."""
    def leaky(real):
        kept = []

        def workload(*args, **kwargs):
            result = real(*args, **kwargs)
            kept.append(bytearray(400_000))
            kept.append(bytearray(300_000))
            kept.append(bytearray(200_000))
            return result
        return workload
    return p.rerun("leaky-workload", workload_name(p), leaky)


@check("the program prints the two statements to predict with their values", step=2)
def _(p):
    big, own = course_way(p)
    statements = (("the course's way finds a site above 100,000 bytes", big),
                  ("the course's way names a tracemalloc.py line", own))
    for statement, truth in statements:
        said = said_in(p.lines, statement)
        if said is None:
            fail(f"Print the statement \"{statement}\" followed by its value, as in \"{statement}: {truth}\".")
        if said != truth:
            fail(f"Your program says \"{statement}\" is {said}, but the check, running the course's "
                 f"comparison itself, finds {truth}.")
    # Each value must follow from the program's own comparison: run again
    # with a workload that keeps three big buffers alive, the course's way
    # reports them as its top three: a site above 100,000 bytes, and no
    # tracemalloc.py line.
    run = run_with_leaky_workload(p)
    if run is None:
        return
    for (statement, _), flipped in zip(statements, (True, False)):
        said = said_in(run.lines, statement)
        if said is not None and said != flipped:
            fail(f"Run again here with a `workload` that also keeps buffers of 400,000, 300,000 and 200,000 "
                 f"bytes alive, the course's comparison reports those three as its top lines, so \"{statement}\" "
                 f"is {flipped}; your program still printed {said}. Print the value your program works out "
                 "from the top three lines its own comparison returns, not a value typed in.")


@check("the sizes of the appended and the preallocated list are printed", step=3)
def _(p):
    appended = []
    for i in range(50_000):
        appended.append(i)
    at_once = sys.getsizeof(list(range(50_000)))
    for what, size in (("the list built by 50,000 appends", sys.getsizeof(appended)),
                       ("the list built at its final length", at_once)):
        # The size itself, or in a unit of bytes to its decimals ("434.0 KiB" is 444,376 bytes).
        found = p.size_matches(size)
        if not found:
            p.printed(number(size), f"Step 3: no printed line gives `sys.getsizeof` of {what}, {size:,} bytes here.")
        if not any(p.measured(m) for m in found):
            p.require_measured(found[0], f"`sys.getsizeof` of {what}")


@check("the program says whether the top three are sorted by size, as returned", step=4)
def _(p):
    said = p.conclusion("top three sorted by size")
    sizes = [site[2] for site in sites_of(p, program_workload(p))]
    truth = sizes == sorted(sizes, reverse=True)
    if said != truth:
        fail(f"Your program concludes {said}, but `top_allocators(workload)` returns the sizes {sizes}, which are "
             f"{'' if truth else 'not '}in descending order. Compare them with `sorted(sizes, reverse=True)`.")
    # The conclusion must be the program's own check on what it returned:
    # run again with a top_allocators that swaps its first two sites, then
    # one that swaps its last two: each time the honest conclusion turns
    # False (a check of one pair only misses one of the two).
    for swapped in (0, 1):
        def out_of_order(real, swapped=swapped):
            def top_allocators(*args, **kwargs):
                sites = list(real(*args, **kwargs))
                if len(sites) >= 2:
                    at = min(swapped, len(sites) - 2)
                    sites[at], sites[at + 1] = sites[at + 1], sites[at]
                return sites
            # Its code named as the program's file, as the real one's is: a
            # program that keeps the lines of its own file by
            # `top_allocators.__code__.co_filename` keeps them still (what it
            # adds runs after the second snapshot, so no line of it is counted).
            own = getattr(real, "__code__", None)
            if own is not None:
                top_allocators.__code__ = top_allocators.__code__.replace(co_filename=own.co_filename)
            return top_allocators
        run = p.rerun(f"swapped-{swapped}", "top_allocators", out_of_order)
        if run is not None and said_in(run.lines, "top three sorted by size") is not False:
            pair = "first" if swapped == 0 else "last"
            fail(f"Run again here with a `top_allocators` that swaps its {pair} two sites, your program still "
                 "concluded that the top three are sorted by size: check the order of all the sizes "
                 "`top_allocators` returned (`sizes == sorted(sizes, reverse=True)`), do not type the answer in.")


@check("the workload builds what step 1 names: a list of 50,000 ints, a dict of 10,000 entries and a string of 1,000,000 characters", step=1)
def _(p):
    # Its three lines are found whatever their sizes, so the sizes are
    # read from what the workload returns (the task keeps it alive).
    result = program_workload(p)()
    if result is None:
        return "The workload returns nothing to look at (the checks above read its lines)."
    parts = [result]
    if isinstance(result, (tuple, list)) and len(result) <= 10:
        parts += list(result)
    elif isinstance(result, dict) and len(result) <= 10:
        parts += list(result.values())
    wanted = ((list, 50_000, "a list of 50,000 ints"), (dict, 10_000, "a dict of 10,000 entries"),
              ((str, bytes), 1_000_000, "a string of 1,000,000 characters"))
    for kind, length, what in wanted:
        if not any(isinstance(part, kind) and len(part) == length for part in parts):
            found = [f"{type(part).__name__} of {len(part):,}" for part in parts[1:] if hasattr(part, "__len__")]
            fail(f"Step 1 profiles a workload that builds {what}; what `{workload_name(p)}()` returns holds "
                 + (", ".join(found) if found else "no such thing") + ". Keep the workload as step 1 names it.")


@check("each size printed for workload's three things is one the program measured", step=1)
def _(p):
    # The three lines' growth and the string's own size: wherever the program
    # prints one of them (a site, or the size of 'x' * 1_000_000 on a line of
    # its own), that text must be a figure its measurement returned.
    figures = {}
    for line, size, _ in workload_lines(p):
        figures.setdefault(size, []).append(f"line {line}'s growth")
    figures.setdefault(sys.getsizeof("x" * 1_000_000), []).append("`sys.getsizeof` of the 1,000,000-character string")
    for size, what in figures.items():
        for line in p.lines:
            for found in re.finditer(f"({number(size)})", line):
                p.require_measured(found, f"Step 1: the figure {size:,} ({' or '.join(what)})")


@check("a timing line, when the program prints one, timed the workload's real work", step=1)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison) must time work done. Timed with tracemalloc
    # off, as the reference times it.
    def prepare():
        workload = program_workload(p)
        if tracemalloc.is_tracing():
            tracemalloc.stop()
        return workload
    p.require_real_timing(prepare, "one call of `workload()`")
