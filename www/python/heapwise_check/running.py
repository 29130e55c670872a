"""Running an exercise: `run_exercise` prepares, runs the program, then
judges what it did (the package's docstring is the manual).

- `_prepare`: the program's file and lines for tracebacks, what the run
  changes in the interpreter saved to be put back, the checks loaded
  (they name the callables to watch), earlier runs' garbage collected.
- `_run`: the program compiled and executed as `__main__` under the
  whole-program trace, with tracemalloc's view, the recorders and the
  stand-ins for the keyboard, `os._exit` and (in the browser) the
  recursion limit in place; then everything put back, what the program
  replaced kept for the verdict, and notes where the run needs explaining.
- `_judge`: the checks run on what the program did, after a failed check
  for anything it replaced.
"""
from __future__ import annotations

import builtins
import gc
import linecache
import os
import sys
import types

import _tracemalloc
import tracemalloc

from . import measuring, provenance
from .percent_formats import mark_program
from .guarding import _owner_label, _restore_guarded
from .loading import _load_checks
from .notes import _explain
from .sealing import seal, verdict
from .program import Program, release_judged
from .reporting import _describe_error, _result, _run_checks
from .stand_ins import (BROWSER_RECURSION_LIMIT, IN_BROWSER, _NoChecker, _NoInput, _Tee,
                        _exit_as_sys_exit, _held_recursion_limit)
from .tracing import _LINES, _PROGRAM_VIEW, _TRACE
from .watching import _RUN

WHOLE_PROGRAM = "whole program (peak traced)"

# The package as a module object (in sys.modules while its __init__ imports
# this module). A run puts it in sys.modules["heapwise_check"], so
# `from heapwise_check import ...` in a check source reaches the very
# registry the run reads.
_PACKAGE = sys.modules[__package__]


class _Attempt:
    """One run_exercise call: the program, the checks loaded, the
    interpreter state to put back afterwards and what stands in for it
    meanwhile (`tee`, `expected`), and what the program did."""

    __slots__ = ("source", "shown_name", "program_file", "line_count", "defined", "watches", "load_failure",
                 "token", "arm", "refuse_hooks", "hidden", "saved_main", "saved_argv", "saved_stdout", "saved_limit", "saved_profile", "saved_trace",
                 "saved_heapwise", "saved_stdin", "saved_exit", "tee", "expected", "error", "figures", "notes",
                 "namespace", "captured", "measured", "derived", "traced", "peaks", "changed", "watching", "sampled")

    def __init__(self, source, filename):
        self.source = source
        self.shown_name = filename
        self.program_file = filename if os.path.isabs(filename) else os.path.join(os.getcwd(), filename)
        self.error = None
        self.figures = []
        self.notes = []
        self.namespace = {}
        self.captured = ""
        self.measured = []  # (begin, end) in `captured`: the texts of measured values (provenance.py)
        self.derived = []  # the same for derived values (provenance.DerivedInt)
        self.traced = []  # the measured spans that are traced bytes (provenance.TracedInt)
        self.peaks = []  # the traced spans that are peaks (measured.PeakInt)
        self.changed = []  # what the program replaced, as "`name`" strings
        self.watching = {}  # (label, name): the recorder the checks run with
        self.sampled = False  # Memory by line ran


def run_exercise(student_source: str, check_source: str | None, filename: str = "solution.py",
                 line_memory: bool = True, *, profiled: bool = False, _audit=sys.audit, _verdict=verdict) -> dict:
    """Runs the program, then the checks; see the package's docstring. The
    answer is the run's watchman's (sealing.py): made from its own copies,
    after it compared what the verdict depends on once more. What this
    function uses after the program ran is bound here, before it ran.
    `profiled`: a profile run (profile.py) follows for the whole-program
    figure and Memory by line, so a program tracing itself needs no note
    that this run has none."""
    return _verdict(_judged_run(student_source, check_source, filename, line_memory, profiled), _audit)


def _judged_run(student_source, check_source, filename, line_memory, profiled=False, _audit=sys.audit):
    """run_exercise's work, before the watchman's verdict."""
    run = _prepare(student_source, check_source, filename)
    try:
        _run(run, line_memory, profiled)
        checks = _judge(run)
    finally:
        _RUN.phase = None
        if getattr(run, "saved_exit", None) is not None:
            sys.stdin, os._exit = run.saved_stdin, run.saved_exit
        if run.sampled:
            _LINES.quiet()
        for watched in run.watches:
            watched.remove()
        _RUN.watches = {}
        sys.setrecursionlimit(run.saved_limit)
        sys.argv = run.saved_argv
        sys.stdout = run.saved_stdout
        if run.saved_main is not None:
            sys.modules["__main__"] = run.saved_main
        if run.saved_heapwise is not None:
            sys.modules["heapwise_check"] = run.saved_heapwise

    run.namespace = None  # the program's module goes in this collection, not the next run's
    gc.collect()
    _audit("heapwise.phase", run.token, "done")
    return _result(run.error, run.captured, run.figures, checks, run.notes,
                   _LINES.result() if run.sampled else None)


def _prepare(student_source, check_source, filename):
    """Everything before the program runs; the attempt the other steps share."""
    run = _Attempt(student_source, filename)
    lines = student_source.splitlines(True)
    linecache.cache[run.program_file] = (len(student_source), None, lines, run.program_file)
    run.line_count = len(lines)

    run.saved_main = sys.modules.get("__main__")
    run.saved_argv = sys.argv
    run.saved_stdout = sys.stdout
    run.saved_limit = sys.getrecursionlimit()
    run.saved_profile = sys.getprofile()
    run.saved_trace = sys.gettrace()
    run.saved_heapwise = sys.modules.get("heapwise_check")
    sys.modules["heapwise_check"] = _PACKAGE
    if _tracemalloc.is_tracing():
        _tracemalloc.stop()
    # The checks are loaded first: they name the callables to watch while
    # the program runs.
    run.defined, run.watches, run.load_failure, check_space = _load_checks(check_source)
    _RUN.watches = {w.target: w for w in run.watches}
    _RUN.program_file = run.program_file
    # A previous run's module, its functions and its data form reference
    # cycles; collect them now, so they neither hold memory nor get collected
    # halfway through this program's own measurements.
    gc.collect()
    # Last: the record of what the verdict depends on, as it is now.
    run.token, run.arm, run.refuse_hooks = seal(run.defined, check_space, run.program_file)
    return run


def _run(run, line_memory, profiled=False, _audit=sys.audit):
    """Compiles the program and runs it as `__main__` under the
    whole-program trace; then puts back what it may have changed and notes
    what needs explaining.

    The program's module is executed from this frame, with no helper in
    between: only run_exercise's, _judged_run's and this frame stand
    between the caller and the program, so the rest of the recursion limit
    is the program's. (CPython 3.11 also counts the call of `exec` against the
    limit until this function has been specialised, which its loops would
    hasten: they are in `_enter` and `_leave`.)"""
    program_file, shown_name = run.program_file, run.shown_name
    run_limit = run.saved_limit
    if IN_BROWSER and run.saved_limit > BROWSER_RECURSION_LIMIT:
        run_limit = BROWSER_RECURSION_LIMIT
    sys.setrecursionlimit(run_limit)
    try:
        code = mark_program(compile(run.source, program_file, "exec", dont_inherit=True))
    except (SyntaxError, ValueError) as exc:
        if isinstance(exc, ValueError):  # e.g. a null byte in the source
            run.error = {"type": "ValueError", "message": str(exc), "line": None,
                         "traceback": f"ValueError: {exc}\n"}
        else:
            run.error = _describe_error(exc, program_file, shown_name)
        run.arm(None)
        return

    namespace = _enter(run)
    _TRACE.program_file = program_file
    _TRACE.handed_over_at = None
    _TRACE.owner = "harness"
    _RUN.phase = "program"
    if line_memory:
        _LINES.begin(program_file, run.line_count)
        run.sampled = True
    _tracemalloc.start()
    try:
        exec(code, namespace)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            run.error = _describe_error(exc, program_file, shown_name)
    except BaseException as exc:  # the student's error, whatever it is
        run.error = _describe_error(exc, program_file, shown_name)
    finally:
        # First: the run's watchman (sealing.py), installed only now so that
        # no audit hook runs while the program measures itself.
        run.arm(code)
        _RUN.phase = None
        provenance._STATE.recording = False
        owner = _TRACE.owner
        if run.sampled:
            _LINES.finish()
        if owner == "harness":
            peak = _LINES.whole_peak() if run.sampled else _tracemalloc.get_traced_memory()[1]
            run.figures.append({"label": WHOLE_PROGRAM, "bytes": int(peak)})
        _TRACE.owner = None
        if _tracemalloc.is_tracing():
            _tracemalloc.stop()
        # Before the harness puts anything back: hooks the program left,
        # the checker's functions and the checks' own variables.
        _audit("heapwise.checkpoint", run.token, "program")
        _leave(run, run_limit)
        _audit("heapwise.changed", run.token, tuple(run.changed))
    _explain(run, owner, profiled)


def _enter(run):
    """Puts the program's surroundings in place: a fresh `__main__` module,
    argv, the teed stdout, tracemalloc's view, the stand-ins and the
    recorders. Returns the module's namespace."""
    module = types.ModuleType("__main__")
    module.__file__ = run.program_file
    module.__builtins__ = builtins
    module.__loader__ = None
    module.__spec__ = None
    namespace = run.namespace = module.__dict__
    run.tee = _Tee(run.saved_stdout)
    sys.modules["__main__"] = module
    # The checker cannot be imported by the program: `import heapwise_check`
    # raises ImportError while it runs.
    run.hidden = {name: sys.modules.pop(name) for name in list(sys.modules)
                  if name == "heapwise_check" or name.startswith("heapwise_check.")}
    sys.meta_path.insert(0, _NoChecker)
    sys.argv = [run.shown_name]
    sys.stdout = run.tee
    expected = run.expected = {}  # (label, key): what the harness itself puts into a guarded namespace
    for name, view in _PROGRAM_VIEW.items():
        setattr(tracemalloc, name, view)
        expected[("tracemalloc", name)] = view
    # No keyboard: input() reads an empty stream (EOFError, explained
    # in a note). os._exit ends the program as sys.exit does, instead of
    # the interpreter. In the browser a raised recursion limit is held
    # at what the JavaScript stack can take.
    run.saved_stdin, run.saved_exit = sys.stdin, os._exit
    sys.stdin = _NoInput()
    os._exit = _exit_as_sys_exit
    if IN_BROWSER:
        sys.setrecursionlimit = _held_recursion_limit
        expected[("sys", "setrecursionlimit")] = _held_recursion_limit
    sys.addaudithook = run.refuse_hooks
    expected[("sys", "addaudithook")] = run.refuse_hooks
    for watched in run.watches:
        watched.install()
        label = _owner_label(watched.owner)
        if label is not None:
            expected[(label, watched.name)] = vars(watched.owner)[watched.name]
    # Last, over any recorder: the measuring calls return marked values
    # (provenance.py), and formatting them is recorded.
    for (owner, name), stand_in in measuring.install(run.program_file).items():
        label = _owner_label(owner)
        if label is not None:
            expected[(label, name)] = stand_in
    return namespace


def _leave(run, run_limit):
    """After the program, its trace stopped: the real surroundings back,
    what the program replaced in `run.changed`, and the recorders in again,
    since the checks' calls count too."""
    sys.stdout = run.saved_stdout
    # sys.stdin and os._exit stay the stand-ins until the checks have run
    # (_judged_run): a check calls the program's functions, and p.rerun runs
    # it again, and either may call os._exit, which would end the
    # interpreter, and the verdict with it.
    while _NoChecker in sys.meta_path:
        sys.meta_path.remove(_NoChecker)
    sys.modules.update(run.hidden)
    # Everything the program may have replaced goes back (the
    # tracemalloc view included); what it replaced is reported.
    run.changed = _restore_guarded(run.expected)
    measuring.remove()
    for watched in run.watches:
        watched.install()
    run.watching = {(_owner_label(w.owner), w.name): vars(w.owner)[w.name] for w in run.watches
                    if _owner_label(w.owner) is not None}
    sys.setprofile(run.saved_profile)
    sys.settrace(run.saved_trace)
    sys.setrecursionlimit(run_limit)
    if not gc.isenabled():
        gc.enable()
    if hasattr(gc, "unfreeze"):
        gc.unfreeze()
    run.captured = run.tee.text()
    run.measured = run.tee.measured_spans()
    run.derived = run.tee.measured_spans(derived=True)
    run.traced = run.tee.measured_spans(traced=True)
    run.peaks = run.tee.measured_spans(peak=True)


def _judge(run, _audit=sys.audit):
    """Runs the checks on what the program did (all failed when it never
    started); what a check's call of the program's code replaced is told to
    the watchman, which reports it."""
    program = Program(run.source, run.shown_name, run.captured, run.namespace, run.error, run.figures,
                      run.measured, run.derived, provenance.layout_facts_seen(), run.traced, run.peaks)
    if run.load_failure is not None:
        checks = [run.load_failure]
    else:
        _RUN.phase = "checks"
        checks = _run_checks(run.defined, program, run.program_file, run.shown_name, run.notes, run.token)
        _RUN.phase = None
        release_judged()
        # What a check's call of the program's code replaced goes back too,
        # before any builtin is called (`tuple` may be the program's).
        changed = _restore_guarded(run.watching)
        _audit("heapwise.changed", run.token, tuple(changed))
    return checks
