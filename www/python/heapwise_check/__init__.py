"""Heapwise's checker: run a student's program as `python3 solution.py`
would, then run an exercise's checks against what it did.

The page runs a program in two ways, each in an interpreter of its own:

    run_plain(student_source, filename="solution.py", objects=False, only=None) -> dict
    run_exercise(student_source, check_source, filename="solution.py", line_memory=True) -> dict

`run_plain` (plain.py) runs it as `python3 solution.py` would, with no
instrument, for what the console shows: {"error", "notes", "python",
"pointer_bytes"}, the keys below, and with `objects=True` the picture of
the objects its global names reach once it has ended (objects.py). `run_exercise` runs it judged, under the
whole-program trace, provenance's marks, the recorders and (on request)
Memory by line, then runs the checks; every instrument changes a program's
figures by a little, so its printed output ("stdout" below) is what the
checks read, and the page shows it beside the plain run's only where the two
differ. It returns a dict that converts to JSON as it is:

    {"ok": bool,               # the program ran without error and every check passed
     "judged": bool,           # False: the program changed the checker (sealing.py), and the first check says how
     "error": None | {"type": str, "message": str, "line": int | None, "traceback": str},
     "stdout": str,            # everything the program printed
     "figures": [{"label": str, "bytes": int}],
     "checks": [{"name": str, "passed": bool, "message": str}],
     "notes": [str],
     "python": "3.14.2",       # platform.python_version()
     "pointer_bytes": 4 | 8,
     "line_memory": None | {   # None when line_memory=False or the program never ran
         "available": bool, "why": str | None,
         "peak_bytes": int,        # the most traced at any moment
         "snapshot_bytes": int,    # traced when the snapshot below was taken
         "snapshot_line": int | None, "other_bytes": int, "windows": int,
         "lines": [{"line", "bytes", "count", "end_bytes", "end_count"}],  # largest first, at most 50
         "timeline": [[ms, bytes]], "samples": int, "snapshots": int, "sampling_ms": float,
         "steps": [[line, bytes]], "step_labels": [str]}}  # a profile run's: check.py's STEPS (steps.py)

Memory by line: see `_LineMemory` in line_memory.py (Python 3.12 and later).

How the program is run
----------------------
The source is compiled with the absolute path of `filename` (in the cwd)
and executed as a fresh `__main__` module, so `__file__`, tracebacks,
`linecache` and `tracemalloc.Filter(True, __file__)` behave as on a
desktop; tracebacks returned to the page show `filename` without the
directory and never show this harness's frames. What the program prints
goes to the real `sys.stdout` as it happens and is captured as well.

Tracing the whole program: the harness starts `tracemalloc` before the
first line and reports the peak as "whole program (peak traced)". While it
does, the program sees tracemalloc exactly as a fresh interpreter shows it:
not tracing, `get_traced_memory()` is `(0, 0)`, `stop()` and `reset_peak()`
do nothing, `take_snapshot()` raises. When the program calls
`tracemalloc.start()` itself, the harness stops its own trace and lets that
call start a fresh one, so the program's own figures are measured exactly
as when it runs alone (they can still differ by a few hundred bytes, as
between any two interpreters with a different past: which freed objects
CPython keeps for reuse depends on what ran before). The whole-program
peak is then unknown, and the result says so in a note, with no number.
Before each run the harness collects the garbage of earlier runs.

`ok` is True when the program ended without an error (`sys.exit(0)` counts
as an ordinary end) and every check passed.

In the browser (Emscripten), Python's frames use the JavaScript stack,
which can overflow well before CPython's default recursion limit and kill
the interpreter; the harness lowers the limit to BROWSER_RECURSION_LIMIT
while the program and the checks run, and explains a RecursionError in a
note.

Writing an exercise's check.py
------------------------------
    from heapwise_check import check, fail, Program

    @check("SlottedPoint has no per-instance __dict__", step=1)
    def _(p: Program):
        cls = p.get("SlottedPoint", type)   # fails in words if missing or not a class
        if hasattr(cls(1, 2, 3), "__dict__"):
            fail("`SlottedPoint` instances still have a `__dict__`: declare `__slots__`")

`step` is the numbered step of the task the check verifies: the page lists
the checks under their steps, and the content test requires every check of
an exercise to name one and every step to have one (one line per
decorator: the page reads these lines at build time).

Checks run in the order they are defined, after the program has run (also
after it raised: they see what it defined and printed before the error;
after a SyntaxError none can run and all are reported failed). A check
passes when it returns; a returned string becomes its message. `fail(msg)`
fails it with `msg`; any other exception fails it with the exception in
words (and the program's line, when it came from the program's code).
What the student's code prints while a check calls it is discarded.

`Program`, the argument of every check:
    p.source, p.filename    the program's text and the name it ran under
    p.stdout, p.lines       everything it printed; the same, split in lines
    p.last_line             the last non-blank printed line, without its newline
    p.error                 None, or the error dict above
    p.names                 the program's module namespace
    p.get(name, kind=None)  a module-level name; fails in words if it is
                            missing, or (kind given) not a class (`type`),
                            not callable (`callable`) or not an instance of kind
    p.printed(pattern, missing)       the first printed line where the regex
                            `pattern` is found (a re.Match); fail(missing) if none
    p.expect_last_line(pattern, example)  re.fullmatch of the last line;
                            fails showing the line and `example` if it does not match
    p.measure(label, fn)    runs fn() under a fresh tracemalloc trace (whether
                            or not the program left tracing on); records
                            {"label", "bytes"} as a figure; returns (result, peak bytes)
    p.peak(label, fn)       the same, returning only the peak bytes

    p.code                  the source without comments and string literals
    p.conclusion(phrase, example=None, last=True)  True or False: the last
                            printed line that says `phrase` followed by True
                            or False (any case, spacing, quotes, `:` or `=`);
                            fails in words if none, or (`last`) if the program
                            printed more after it: the task's expected line is
                            its last
    p.rerun(key, name=None, wrap=None, names=None, optional=None)  the program run again
                            here with its top-level function or class `name`
                            replaced by wrap(its own), and each name of
                            `optional` ({name: wrap}) where it defines one; a
                            Rerun (.text, .lines, .raised, .replaced) or None
                            when there is no such `name`; kept by `key`. Where an answer the task asks for
                            follows from the program's own code, change that
                            code so the honest answer changes: a typed answer
                            stays the same
    p.rerun(key, modules={"struct": struct_view({"<HIdB": "<HIdB3x"})})
                            `struct_view(formats)`: the `struct` the re-run
                            imports reads each format given as the one after
                            it (spaces aside) in its functions and `Struct`
                            (a record three bytes longer: a size the program
                            takes from `struct` follows, a typed one does not)
    p.unmoved(run, *more)   the Figures (below) the program printed that the
                            re-run `run` (a Rerun, or its lines), and each of
                            `more`, printed again unchanged, in the same place
                            of the line of the same shape (the line with its
                            numbers blanked and its spaces made one; the k-th
                            line of a shape pairs with the k-th of the re-run):
                            after a re-run that changed what the program's
                            code measures, the figures that did not follow.
                            A check keeps the values it cares about:
                                for figure in p.unmoved(run):
                                    if figure.unit and figure.means(10_000):
                                        fail(f"... {figure.line} ...")
    p.printed_figures()     every number printed, as a Figure, in order
    p.sizes(lines=None, where=False)  every number printed, in bytes, once per
                            reading of its unit (3,234,431; 3.2 MB as 3.2e6 and
                            3.2 * 2**20; 434.5 KiB); `where`: ((line, column), bytes)
    p.sizes(..., measured=True)  only the figures a measurement of the program
                            returned (see "Provenance" below); `lines` then
                            come from p.lines. A bare number in a table
                            column headed with a unit ("plain KiB"), or under
                            a legend ("peak, KiB: {...}", "peaks (MiB):" over
                            an indented block), is read in that unit
    p.naming(pattern, lines=None)  the printed lines naming the regex, on the
                            line or on a less-indented line it stands under
                            (JSON's outer key, a label over its figures)
    p.sizes_naming(words, near)  for each regex in `words`, the size printed on
                            a line naming it (or under one) and none of the others, nearest
                            the matching value of `near` (the check's own
                            figures): the two peaks as printed; None if one
                            has no such line
    p.names_line(index, n, lines=None)  True when p.lines[index] refers to
                            line n: line_ref's forms, or n in a table column
                            headed "line" ("lineno", "#")
    p.measured(match, group=1)   True when that group (or tuple of groups) of
                            a match on a printed line (p.printed's) is a
                            measured figure
    p.require_measured(match, what, group=1)  fails, saying in plain words that
                            `what` must be the figure the measurement returned
    p.require_real_timing(prepare, what, rounds=5, share=20)  fails unless each
                            printed "timing: ... N us per call" line timed real
                            work: finite, at least 1/share of the fastest of
                            `rounds` calls of prepare()'s callable here
    p.compares_identity(function=None, skip_calls=())  True when the code (or
                            that top-level function's) compares two objects
                            with `is`, `id() == id()` or `operator.is_`
                            (identity.py): for answers no re-run can change
    p.calls(target)         what a watched callable saw (see watch below)
    p.counting(target)      `with p.counting("sys.intern") as c: ...`, then
                            c.count: calls made inside the block

A Figure is a number printed (not part of a word or a longer one: "x86",
"0x7f3a", "1e6", "3.11.7"): `.text` as printed ("1,024", "3.2"), `.unit`
its byte unit as printed ("bytes", "B", "MB", "KiB"; "" if none), `.number`
(an int; a float when printed with decimals), `.values` in bytes once per
reading of its unit ("3.2 MB": 3.2e6 and 3.2 * 2**20; (number,) with no
unit), `.line`, `.index` (in p.lines), `.column`; `.means(value)` is True
when it is `value` as printed, to its decimals ("9.8 KiB" means 10,000). A
byte figure is what BYTES_RULE reads as one ("56 B", "bytes: 56") and each
end of a change or range the unit follows ("40 -> 48 bytes", "40 to 48 B").

`number(n)` is a regex for n as a program may print it (1,168 or 1168).
`heading_unit(match)` is the byte unit ("KiB", "kB", "MiB" or "MB"; "" when
none) a table's heading or a legend gives a number a check's own regex
found printed bare, on one of p.lines or of a re-run's lines: "plain KiB"
over "1727.3", "traced peak, KiB: {'churn': 15617.7}".
A check that reads units itself reads them as
`(match.group(3) or heading_unit(match)).lower()`. `heading_of(match,
lines=None)` is the table heading's words over such a number (on one of
`lines` if given), one string ("" when none): "peak" for a figure in a
column headed "peak".
`loose(phrase)` is a regex for a phrase as a program may print it: any case,
any spacing or punctuation between its words. `line_ref(n)` is a regex for
a reference to line n: "line 5", "lineno=5", "solution.py:5", "('solution.py', 5)".

Watching what the program calls
-------------------------------
    from heapwise_check import check, fail, watch
    watch("sys.intern")                  # at the top level of check.py

Before the program runs, the harness replaces each watched callable (a
module's function, a class's method, or a class: "mmap.mmap") with a
recorder that counts its calls and passes them on; it is put back after the
checks. A class becomes a recording subclass (same name), so `isinstance`
still holds for what the program made; a check that needs the real class
imports it at the top of check.py (check.py runs before the recorders go
in). The recorder keeps no reference to arguments or results, and keeps
nothing per call after a line's first; a call still makes short-lived
objects (the arguments' tuple; a keywords dict unless the callable takes
positional arguments only; and, for the first 64 calls, the caller's frame
object on 3.11, about 100 bytes, while the caller runs). So do not watch a function whose answer
is the memory at the moment of the call (`tracemalloc.get_traced_memory`,
`reset_peak`): its figure would include them. Watching `tracemalloc.start`,
`take_snapshot`, `Snapshot.compare_to`, `sys.intern`, `sys.getsizeof` or a
class is fine. `p.calls(target)` gives `.count` (every call so far),
`.program_count` (calls while the program itself ran) and `.lines` (the
program's lines that made the first 64 calls, as numbers).

Provenance: which printed figures were measured
-----------------------------------------------
While the program runs, `sys.getsizeof`, `tracemalloc.get_traced_memory`,
the sizes and counts of `Snapshot.statistics` and `compare_to` entries, a
`Trace`'s size, and `st_size` of `os.stat`/`lstat`/`fstat` (so
`os.path.getsize`) return values marked as measured, which print exactly
as plain ints and floats do. Their sums, differences and ratios, and a
measured value divided by a count or a unit (`/ len(items)`, `/ 1024`),
rounded or floored, stay marked; a measured value times a number (a tenth
measured times ten), plus a typed number, or added to itself does not.
The text each formatting of a marked value makes (str, repr, format,
f-strings, `%s`, `print(stat)`; `%d` and `%f` by reading the `%`
operands again in the writing frame, percent_operands.py) is found in what
the program printed, so a check can tell a printed figure a measurement
returned from one typed in after throwaway calls or scaled from a smaller
measurement. Traced bytes are marked apart, and a traced peak apart again
(`p.measured(match, traced=True)` or `traced="peak"`, `traced="current"`;
`p.sizes(measured="traced")`, `"peak"`, `"current"`), so a check can ask
for the figure its task names: a peak, not the size read after the work.
Where a check needs a figure of its own to compare with, it runs the
student's code at the size the task names, never a scaled one.
provenance.py has the whole of it and what it cannot see.

The rule after every exercise's checks (BYTES_RULE)
---------------------------------------------------
Every exercise's checks end with one more, added by the loader: "every
figure in bytes it prints is one it measured". It reads every number the
program printed with a byte unit after it (bytes, B, KB, KiB, MB, MiB, GB,
GiB) or after "bytes:", or bare in a table column whose heading names the
unit ("peak KiB" over "1727.3"), and fails on any that is none of these:

- marked as measured (above), or derived: worked out from a measured value
  with typed numbers (a layout size times a count; the exercise's own
  checks still refuse a derived figure where the task asks for a
  measurement). Bytes tracemalloc traced, scaled up by a typed number (a
  tenth measured times ten, a share per item times a larger count), are
  neither: nothing measured the work they claim. `struct.calcsize` and `ctypes.sizeof` (for a program
  whose source names the module) and `len()` of bytes, bytearray, a byte
  memoryview or an mmap count as measuring calls here;
- a size the program's objects state: an array's `itemsize` and data size
  (of module-level arrays, and of any array the program took `len()` of),
  a `struct.Struct`'s `size`, a ctypes structure's fields' sizes;
- a round size, of one significant digit ("2 bytes", "100 bytes", "500 kB",
  "1 MB"): a size the program names in its own words (an input's, a
  unit's), where a copied measurement is precise ("1,000,936 bytes",
  "56 bytes", "976.6 KiB"); but not 10 to 90 bytes, where one small
  object's `sys.getsizeof` lands (80 bytes for a list of three lists);
- a precise figure the task itself names, declared at the top of check.py
  with `task_figures("1,024 bytes", "703 KiB")` (a threshold, the
  course's figure).

Nothing else passes: a precise figure typed into a line's text ("peak:
8,000,056 bytes") is refused as one typed into a name is, since where it
came from cannot be taken on trust. So a typed measurement is refused
whatever way it reaches the output, and a check never has to look for
one. What it cannot see: a typed figure printed without a byte unit, a
typed round one, and a size of one object scaled by a typed number
(derived: the exercise's own checks refuse it where the task asks for a
measurement).

The task's steps
----------------
A check.py names the steps of its task for Memory by line's comparison
with the reference program, as a literal at its top level:

    STEPS = (
        ("the points with a __dict__", r"\bDictPoint\b"),
        ("the slotted points", r"\bSlottedPoint\b"),
    )

A profile run reads it with `ast.literal_eval` (steps.py: nothing of
check.py runs there) and charts each step at its most, in the student's
program and in the reference, side by side. `tests/python/steps_check.py
--show SLUG` prints what each pattern finds in the reference and in every
correct program.

What a run may not change
-------------------------
The checks run in the interpreter the program ran in, so the harness keeps
them out of the program's way (sealing.py has the whole of it):

- while the program runs, `import heapwise_check` fails in words;
- a program that replaces a function of `tracemalloc`, `gc`, `builtins`,
  `sys` or this package (any of its modules, or a method of their classes)
  has it put back before the checks run, and the run is not judged: the
  checks cannot trust their measurements after that. The harness also
  re-enables and unfreezes the garbage collector and resets the recursion
  limit;
- while the program runs, `sys.addaudithook` refuses in words;
- each run has a watchman, an audit hook the program can neither remove
  nor change, holding a record of what the verdict depends on (the
  checker's code, the checks and their own variables, `gc.callbacks`, the
  trace, profile and monitoring hooks) taken before the program ran. It is
  installed the moment the program ends (an audit hook would cost the
  program's own figures a few allocations), refuses a change to the
  checker's functions from then on, and finds, after the program and after
  every check, whatever changed. The result `run_exercise`
  returns is the watchman's: the checks' results as it copied them when
  each ended, and, when anything changed, a first failed check that starts
  "Not judged: your program …" (`judged` is False).

A program written to get round all this inside one interpreter still could
(sealing.py says how); a verdict is the student's own check of their work,
and each run has a fresh interpreter, so nothing it does outlives the run.

The package
-----------
One module per job (running a program and judging it, what a check works
with, provenance, the picture, guarding and sealing), each saying its job in
its docstring; ARCHITECTURE.md has them in a table. This file is the API
check.py imports from.
"""
from . import guarding
from .loading import BYTES_RULE, check, task_figures, watch
from .figures import Figure
from .patterns import line_ref, loose, number
from .program import CheckFailed, Program, fail, heading_of, heading_unit
from .rerunning import struct_view
# The checks' runner under the package's name too: a program that replaces
# `heapwise_check._run_checks` gets the failing check for it, as for a name
# in any module of the package.
from .reporting import _run_checks  # noqa: F401
from .plain import run_plain
from .profile import run_profile
from .running import BROWSER_RECURSION_LIMIT, WHOLE_PROGRAM, run_exercise

__all__ = ["run_exercise", "run_plain", "run_profile", "check", "fail", "number", "loose", "line_ref", "heading_unit",
           "heading_of",
           "watch", "task_figures", "CheckFailed",
           "Program", "Figure", "struct_view", "BYTES_RULE",
           "BROWSER_RECURSION_LIMIT"]

# Last, when every module and name above exists: what a run must leave as it found it.
guarding.remember()
