"""Checks for snapshot-diff. The check runs the program's own `load_lines`
and `parse` between two snapshots of its own, filtered to the program's
file, and compares: every line that changed clearly must be printed with
its line number, its size difference and its block difference; the total
of the growth and the conclusion must agree with what the check found. The
program must take the two snapshots, filter them and compare them itself
(watched calls), and the differences and the total it prints count only
as its own `compare_to` returned them (provenance; the sizes as traced
bytes, so a `sys.getsizeof` does not pass for them), so typed-in figures
do not pass."""
import re
import sys
import tracemalloc

from heapwise_check import check, fail, heading_unit, loose, number, watch

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the text lines", r"\bload_lines\b"),
    ("the records", r"\bparse\b|[\"']id[\"']\s*:|\bid="),
)

# Snapshots are counted where they are made (take_snapshot and filter_traces
# both make one), not by watching take_snapshot: a recorder around it would
# hold its own small allocation on the program's line while the snapshot is
# taken, and the program's diff would show it.
watch("tracemalloc.Snapshot")
watch("tracemalloc.Snapshot.filter_traces")
watch("tracemalloc.Snapshot.compare_to")

N = 1_000
MEMO = {}


def measured(p):
    """The check's own diff of the program's file: [(lineno, size_diff, count_diff)], biggest change first."""
    if "changes" not in MEMO:
        load_lines, parse = p.get("load_lines", callable), p.get("parse", callable)
        only_program = [tracemalloc.Filter(True, p.names["__file__"])]
        tracemalloc.start()
        try:
            lines = load_lines(N)
            before = tracemalloc.take_snapshot().filter_traces(only_program)
            records = parse(lines)
            del lines
            after = tracemalloc.take_snapshot().filter_traces(only_program)
        finally:
            tracemalloc.stop()
        del records
        changes = [(stat.traceback[0].lineno, stat.size_diff, stat.count_diff)
                   for stat in after.compare_to(before, "lineno") if stat.size_diff != 0]
        changes.sort(key=lambda change: -abs(change[1]))
        if not any(size > 0 for _, size, _ in changes):
            fail("Loading and parsing 1,000 lines left nothing new in your file: `parse` should return one "
                 "dict per line, and `load_lines` build the text lines.")
        MEMO["changes"] = changes
    return MEMO["changes"]


CONCLUSION = "the lines that grew hold more than 50,000 new bytes"


def run_with_few_records(p):
    """The program run again with a `parse` that parses only its first 20
    lines: the growth falls to a few kB (under 50,000 bytes); None when the
    program has no top-level `parse`."""
    def few(real):
        def parse(lines, *args, **kwargs):
            return real(list(lines)[:20], *args, **kwargs)
        return parse
    return p.rerun("few-records", "parse", few)


def said_in(lines, phrase, between=r"[\W_]*"):
    """True or False: the last of `lines` that says `phrase` followed by
    True or False (as p.conclusion reads it; `between`: what may come
    between them); None when none does."""
    pattern = re.compile(loose(phrase) + between + r"\b(True|False)\b(?!.*\b(?:True|False)\b)", re.IGNORECASE)
    for line in reversed(lines):
        found = pattern.search(line)
        if found:
            return found.group(1).lower() == "true"
    return None


def total_growth(p):
    return sum(size for _, size, _ in measured(p) if size > 0)


# A figure as a program may print it, sign included: +251,876, -71098,
# 245.9 KiB, -69.4 KiB. Each gives its possible values (bytes for a unit).
FIGURE = re.compile(r"(?<![\w.])([+\-−]?)\s?(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?\s*(kib|kb|k|mib|mb|b\b)?(?!\w)",
                    re.IGNORECASE)
UNITS = {"": (1,), "b": (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,), "mb": (1e6, 2 ** 20),
         "mib": (2 ** 20,)}


def figures(line, p=None, traced=False):
    """The values of the figures printed on the line; with `p`, only those the
    program's own measurement returned (provenance: compare_to's entries); with
    `traced` too, only bytes its tracemalloc traced (a `size_diff`, not a
    `count_diff` nor a `sys.getsizeof`)."""
    found = []
    for match in FIGURE.finditer(line):
        if p is not None and not p.measured(match, (2, 3), traced=traced):
            continue
        sign = -1 if match.group(1) in ("-", "−") else 1
        value = float(re.sub(r"[,_]", "", match.group(2)) + (match.group(3) or ""))
        found += [sign * value * factor for factor in UNITS[(match.group(4) or heading_unit(match)).lower()]]
    return found


def near(values, wanted, share, slack=0):
    """Some value has wanted's sign and lies within share of it (or slack)."""
    return any((value < 0) == (wanted < 0) and abs(value - wanted) <= max(share * abs(wanted), slack)
               for value in values)


def watched(p, target, at_least, what):
    if p.calls(target).program_count < at_least:
        fail(what)


@check("`parse(lines)` makes one dict with the numbers id, x and y per line", step=2)
def _(p):
    parse = p.get("parse", callable)
    records = parse(["7,3.5,21", "8,4.0,24"])
    try:
        records = list(records)
    except TypeError:
        fail(f"`parse` returned {type(records).__name__}; it should return a list of dicts.")
    wanted = [{"id": 7, "x": 3.5, "y": 21}, {"id": 8, "x": 4.0, "y": 24}]
    if records != wanted or any(isinstance(value, str) for record in records for value in record.values()):
        fail(f"`parse([\"7,3.5,21\", \"8,4.0,24\"])` returned {records!r}; it should return "
             "[{'id': 7, 'x': 3.5, 'y': 21.0}, {'id': 8, 'x': 4.0, 'y': 24.0}]: numbers, not text.")


@check("the program takes two snapshots, keeps its own file's traces in both and compares them", step=1)
def _(p):
    made = p.calls("tracemalloc.Snapshot").program_count
    if made - p.calls("tracemalloc.Snapshot.filter_traces").program_count < 2:
        fail("Take a snapshot with `tracemalloc.take_snapshot()` after loading the lines, and a second one "
             "after parsing them and deleting the list of lines.")
    watched(p, "tracemalloc.Snapshot.filter_traces", 2,
            "Keep only your own file's traces in both snapshots: "
            "`snapshot.filter_traces([tracemalloc.Filter(True, __file__)])`, once for each.")
    watched(p, "tracemalloc.Snapshot.compare_to", 1,
            "Compare the second snapshot with the first: `second.compare_to(first, \"lineno\")`.")
    # Behaviour: a change printed for a line of another file (tracemalloc's
    # own, when one snapshot was not filtered) shows a snapshot kept more
    # than the program's file. Such a line names another .py file, or a line
    # number past the end of the program.
    own = p.filename.rsplit("/", 1)[-1]
    last = len(p.source.splitlines())
    for index, line in enumerate(p.lines):
        if not re.search(r"[+\-\u2212]\s?\d", line):
            continue
        other = re.search(r"([\w.<>-]+\.py)\W{0,4}\d", line)
        past = [int(n) for n in re.findall(r"\blines?(?:no)?\b\W{0,4}0*(\d+)(?![\d,])", line, re.IGNORECASE)]
        # ... or a bare number past the program's end in a column headed "line" (names_line).
        past += [int(n) for n in re.findall(r"(?<![\w.,+\-\u2212])(\d+)(?![\w.,]\d|\d)", line)
                 if int(n) > last and p.names_line(index, int(n))]
        if (other and other.group(1) != own and other.group(1) != "__file__") or any(n > last for n in past):
            fail(f"Your program printed the change \"{line.strip()[:80]}\", which is not a line of your own file "
                 "(it comes from another module, tracemalloc's own for instance): filter both snapshots, the one "
                 "before and the one after, with `snapshot.filter_traces([tracemalloc.Filter(True, __file__)])` "
                 "and compare the two filtered snapshots.")


@check("every line whose size changed is printed with its line number, size difference and block difference", step=3)
def _(p):
    changes = measured(p)
    largest = abs(changes[0][1])
    for lineno, size, count in changes:
        if abs(size) < 0.05 * largest:
            continue  # a small change can differ between a program's run and the check's
        said = [line for index, line in enumerate(p.lines) if p.names_line(index, lineno)]
        if not said:
            what = "grew" if size > 0 else "shrank"
            fail(f"Measured here, line {lineno} {what} by {size:+,} bytes ({count:+,} blocks) between the two "
                 "snapshots, but no printed line names it. Print every change from `compare_to` whose "
                 "`size_diff` is not zero, with its line number"
                 + (" (shrinking lines included)." if size < 0 else "."))
        if not any(near(figures(line), size, 0.1) and near(figures(line), count, 0.1, 10) for line in said):
            if any(near(figures(line), -size, 0.1) and near(figures(line), -count, 0.1, 10) for line in said):
                fail(f"Measured here, line {lineno} changed by {size:+,} bytes and {count:+,} blocks; your program "
                     f"printed about the same differences with the opposite signs (\"{said[0].strip()[:80]}\"): it "
                     "compared the snapshots the wrong way round. `after.compare_to(before, 'lineno')` gives what "
                     "changed from `before` to `after`; `before.compare_to(after, ...)` turns growth into shrinking.")
            fail(f"Measured here, line {lineno} changed by {size:+,} bytes and {count:+,} blocks; the line your "
                 f"program printed for it (\"{said[0].strip()[:80]}\") should show both differences, with "
                 "their signs (`size_diff` and `count_diff`).")
        if not any(near(figures(line, p, traced=True), size, 0.1) and near(figures(line, p), count, 0.1, 10)
                   for line in said):
            fail(f"Measured here, line {lineno} changed by {size:+,} bytes and {count:+,} blocks; the figures your "
                 f"program printed for it (\"{said[0].strip()[:80]}\") are not the `size_diff` and `count_diff` "
                 "its own `compare_to` returned: print the differences of the entries, not numbers typed in.")


@check("the program prints the total of the positive size differences", step=4)
def _(p):
    total = total_growth(p)
    changed = [lineno for lineno, _, _ in measured(p)]
    # Not on a line that reports one change: with a single line growing, its
    # own difference is about the total too.
    alone = [line for index, line in enumerate(p.lines) if not any(p.names_line(index, n) for n in changed)]
    if not any(near(figures(line, p, traced=True), total, 0.1) for line in alone):
        if any(near(figures(line), total, 0.1) for line in alone):
            fail(f"Step 4: measured here, the positive `size_diff`s add up to about {total:,} bytes; the total your "
                 "program printed near that is not the sum of the `size_diff`s its own `compare_to` returned: "
                 "add them up (`sum(s.size_diff for s in positive_diffs)`), do not type the total in nor work it "
                 "out from `sys.getsizeof`.")
        fail(f"Add up the `size_diff` of every change that is positive and print the total: measured here it "
             f"is about {total:,} bytes, and no printed figure is near that.")
    # A total of the lines' `size` (what they hold in the second snapshot)
    # equals the total of their `size_diff` when they held nothing in the
    # first. Run again with `load_lines` also parsing 300 lines of its own
    # before the first snapshot (their records kept to the end): the growing
    # lines then held something already, and only the `size_diff`s add up
    # to the same total as before.
    spots = {shape(line) for line in alone if near(figures(line, p, traced=True), total, 0.1)}
    run = p.rerun("parsed before the first snapshot", "load_lines", parsing_early(p))
    if run is not None and run.raised is None:
        # Where the total was printed: the line worded as before, its figures
        # aside (the lines of changes before it may be more or fewer now).
        if not any(shape(line) in spots and near(figures(line), total, 0.1) for line in run.lines):
            fail(f"Run again here with `load_lines` also parsing 300 lines of its own before the first snapshot (their "
                 f"records kept), no total your program printed stayed near {total:,} bytes: the total adds up what "
                 "the lines hold (`size`), not what they grew by. Add up `s.size_diff` of the positive changes.")


def shape(line):
    """A printed line with its figures left out: the same line of another run."""
    return FIGURE.sub("#", line)


def parsing_early(p):
    """A wrap for `load_lines` that, each call, also parses 300 lines with
    the program's own `parse` and keeps the records until the run ends."""
    kept = []

    def wrap(real):
        def load_lines(*args, **kwargs):
            kept.append(p.names["parse"](real(300)) if callable(p.names.get("parse")) else None)
            return real(*args, **kwargs)
        return load_lines
    return wrap


@check("the program prints the two statements to predict with their values", step=4)
def _(p):
    total = total_growth(p)
    for statement, left, truth in (
            ("len(positive_diffs) > 0", "len(positive_diffs)", total > 0),
            ("sum(s.size_diff for s in positive_diffs) > 50_000", "sum(s.size_diff for s in positive_diffs)",
             total > 50_000)):
        pattern = re.compile(loose(left) + r".*\b(True|False)\b", re.IGNORECASE)
        found = [m.group(1).lower() == "true" for line in p.lines for m in [pattern.search(line)] if m]
        if not found:
            fail(f"Print the statement `{statement}` followed by its value, as in \"{statement}: {truth}\".")
        if found[-1] != truth:
            fail(f"Your program says `{statement}` is {found[-1]}, but measured here it is {truth}.")
    # The value of the sum's statement must be computed: run again with a parse
    # that parses 20 lines only, the sum is a few kB and the value turns False.
    run = run_with_few_records(p)
    if run is not None:
        left = "sum(s.size_diff for s in positive_diffs)"
        if said_in(run.lines, left, ".*") is not False:
            fail(f"Run again here with a `parse` that parses only 20 of the lines, your program still printed "
                 f"`{left} > 50_000` as True: print the value of the statement as your program computes it "
                 "from its own `positive_diffs` of the second snapshot compared with the first (not a value "
                 "typed in; and not the snapshots compared the other way round, which counts freed bytes as "
                 "growth).")


@check("the program says whether the lines that grew hold more than 50,000 new bytes, as measured", step=5)
def _(p):
    said = p.conclusion(CONCLUSION)
    total = total_growth(p)
    if said != (total > 50_000):
        fail(f"Your program concludes {said}, but measured here the lines that grew hold {total:,} new bytes. "
             "Add up the `size_diff` of every positive change and compare the total with 50,000.")
    # The conclusion must follow from the program's own total: run again
    # with a parse that parses 20 lines only, the growth is a few kB, and a
    # computed conclusion turns False.
    run = run_with_few_records(p)
    if run is not None and said_in(run.lines, CONCLUSION) is not False:
        fail("Run again here with a `parse` that parses only 20 of the lines, so the lines that grew hold a few "
             f"thousand bytes, your program still concluded {said}: compare with 50,000 your own total of the "
             "positive `size_diff`s, from the second snapshot compared with the first (not a value typed in; "
             "and not the snapshots compared the other way round, which counts freed bytes as growth).")



@check("the sizes the program prints of one record and one text line are the ones it measured", step=2)
def _(p):
    # Not asked for, but often printed beside the diff (as the reference does):
    # wherever the size of one record dict or of one text line appears, it is
    # what the program's own `sys.getsizeof` returned, not a number typed in.
    load_lines, parse = p.get("load_lines", callable), p.get("parse", callable)
    lines = load_lines(N)
    records = parse(lines[:1])
    sizes = {sys.getsizeof(records[0]): "one record dict", sys.getsizeof(lines[-1]): "one text line",
             sys.getsizeof(lines[0]): "one text line"}
    for size, what in sizes.items():
        for line in p.lines:
            for found in re.finditer(rf"(?<![+\-\u2212\d,])({number(size)})\s*(?:bytes?|B)\b", line):
                p.require_measured(found, f"Step 2: the size of {what} (`sys.getsizeof`)")


@check("a timing line, when the program prints one, timed loading and parsing really running", step=2)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison) must time work done.
    def prepare():
        load_lines, parse = p.get("load_lines", callable), p.get("parse", callable)
        return lambda: parse(load_lines(N))
    p.require_real_timing(prepare, "`parse(load_lines(1_000))`")
