"""Heapwise's checker: run a student's program as `python3 solution.py`
would, then run an exercise's checks against what it did.

The page's Python worker calls one function:

    run_exercise(student_source, check_source, filename="solution.py", line_memory=True) -> dict

and gets back a dict that converts to JSON as it is:

    {"ok": bool,               # the program ran without error and every check passed
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
         "timeline": [[ms, bytes]], "samples": int, "snapshots": int, "sampling_ms": float}}

Memory by line: see `_LineMemory` below (Python 3.12 and later).

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

    @check("SlottedPoint has no per-instance __dict__")
    def _(p: Program):
        cls = p.get("SlottedPoint", type)   # fails in words if missing or not a class
        if hasattr(cls(1, 2, 3), "__dict__"):
            fail("`SlottedPoint` instances still have a `__dict__`: declare `__slots__`")

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
    p.conclusion(phrase)    True or False: the last printed line that says
                            `phrase` followed by True or False (any case,
                            spacing, quotes, `:` or `=`); fails in words if none
    p.sizes(lines=None, where=False)  every number printed, in bytes, once per
                            reading of its unit (3,234,431; 3.2 MB as 3.2e6 and
                            3.2 * 2**20; 434.5 KiB); `where`: ((line, column), bytes)
    p.calls(target)         what a watched callable saw (see watch below)
    p.counting(target)      `with p.counting("sys.intern") as c: ...`, then
                            c.count: calls made inside the block

`number(n)` is a regex for n as a program may print it (1,168 or 1168).
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

What a run may not change
-------------------------
Within a run, a program
that replaces a function of `tracemalloc`, `gc`, `builtins`, `sys` or this
harness (or a method of their classes) gets a failing check that says what
it replaced: the checks cannot trust their measurements after that. The
harness puts everything back before the checks run, re-enables and
unfreezes the garbage collector, and resets the recursion limit.
"""
from __future__ import annotations

import builtins
import functools
import gc
import io
import linecache
import os
import platform
import re
import struct
import sys
import tokenize
import traceback
import types
from array import array as _array
from itertools import groupby as _groupby
from operator import itemgetter as _itemgetter
from time import perf_counter as _perf_counter

import _tracemalloc
import tracemalloc

__all__ = ["run_exercise", "check", "fail", "number", "loose", "line_ref", "watch", "CheckFailed", "Program",
           "BROWSER_RECURSION_LIMIT"]

WHOLE_PROGRAM = "whole program (peak traced)"

# Measured with Pyodide 314.0.7 in Node (its default stack): a recursion that
# goes through sum() over a generator killed the runtime between 500 and 600
# frames deep, one through map() between 250 and 300, one through __repr__
# between 200 and 250; plain Python-to-Python calls still ran at 100,000.
BROWSER_RECURSION_LIMIT = 150

IN_BROWSER = sys.platform == "emscripten"


class CheckFailed(Exception):
    """Raised by fail(): the check did not pass, for the reason given."""


def fail(message: str):
    """Fails the running check with `message`, shown to the student as is."""
    raise CheckFailed(message)


class _Registry:
    """The checks and watched callables of the check source being loaded, in order."""

    def __init__(self):
        self.checks = []
        self.watched = []


_REGISTRY = _Registry()


def number(n: int) -> str:
    """A regex matching the whole number n as a program may print it: with or
    without thousands separators (1,168 or 1168), not inside a longer number."""
    forms = sorted({f"{n:,}", str(n)}, key=len, reverse=True)
    return r"(?<![\d,.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\d]|,\d)"


def check(name: str):
    """Decorator: registers the function as a check called `name`."""

    def register(function):
        _REGISTRY.checks.append((name, function))
        return function

    return register


def loose(phrase: str) -> str:
    """A regex for `phrase` as a program may print it: any case, and any run
    of spaces, punctuation or quotes between its words (and none needed
    around punctuation)."""
    words = re.findall(r"\w+", phrase)
    return "(?i:" + r"[\W_]*".join(re.escape(w) for w in words) + ")"


def line_ref(n: int) -> str:
    """A regex for a reference to line `n` as a program may print it:
    "line 5", "lineno=5", "Line: 5", "solution.py:5", "('solution.py', 5)"."""
    return r"(?i:(?:\blines?(?:no)?\b|\.py)\W{0,4}0*" + str(int(n)) + r")(?!\d)"


def watch(target: str):
    """At the top level of check.py: record calls of `target` ("module.name",
    "module.Class.method" or "module.Class") while the program and the checks
    run. See "Watching what the program calls" above."""
    _REGISTRY.watched.append(target)


# ---------------------------------------------------------------------------
# Memory by line (issue 18)
# ---------------------------------------------------------------------------

# Slots of _LineMemory.state, an array of integers made before tracing starts.
_VPEAK, _PEAK, _HIGH, _SNAP_LINE, _OTHER, _SAMPLES, _SNAPSHOTS, _POINTS, _WINDOWS, _END, _LAST_LINE = range(11)


class _LineMemory:
    """Which of the program's lines held the traced memory at its peak.

    While the harness traces the whole program, the sampler reads the traced
    bytes at the program's line events and takes a snapshot when they pass
    the last snapshot's by GROW, and always at the end. When the program
    runs tracemalloc itself, the sampler stays out of the program's traces
    (its figures are what they would be without it) and takes one snapshot
    where the program stops tracing (`tracemalloc.stop()`, just before that
    clears the traces) and at the end if it still traces then. The table
    shows the snapshot taken at the most bytes, each block counted on the
    program's line that allocated it (the innermost frame in the program's
    file; with tracemalloc's default of one frame, a block allocated inside
    a library's Python code counts under "other files").

    Line events come from `sys.monitoring` (Python 3.12 and later): each
    line of the program reports once, then is silent until the next garbage
    collection (a gc callback re-enables events), so a loop costs a few
    samples per collection, not one per iteration. Between two samples
    `reset_peak()` shows the highest point reached in between, so the
    whole-program peak stays exact when no sample fell on it; the snapshot
    holds at most that, and the page shows both.

    What the sampler keeps lives in arrays made before tracing starts. Its
    working objects are freed before a sample returns, though some stay on
    CPython's free lists (still traced): the whole-program peak can include
    up to a few kB of them (measured in the README); the line figures never
    do (the sampler's lines are not the program's).

    Snapshots cost time in proportion to the blocks traced, so they are
    rationed: during the run, one is taken only while the time spent on
    snapshots is less than the program's own running time; at the end and
    where the program stops its trace, always. Off before Python 3.12."""

    GROW = 0.1
    TIMELINE_POINTS = 400
    TOP_ROWS = 50

    def __init__(self):
        self.active = False
        self.tool = None
        self.program_file = None
        self.error = None

    # -- the run --------------------------------------------------------------

    def begin(self, program_file, line_count):
        """Before tracing starts: everything kept is allocated here (with the
        real `array`, taken at import: a check may watch `array.array`)."""
        array = _array
        self.program_file = program_file
        self.error = None
        self.state = array("q", [0] * 11)
        self.state[_HIGH] = -1
        self.state[_SNAP_LINE] = -1
        self.seconds = array("d", [_perf_counter(), 0.0])  # started, spent on snapshots
        size = line_count + 2
        self.best_bytes, self.best_count = array("q", [0] * size), array("q", [0] * size)
        self.end_bytes, self.end_count = array("q", [0] * size), array("q", [0] * size)
        self.times = array("d", [0.0] * self.TIMELINE_POINTS)
        self.values = array("q", [0] * self.TIMELINE_POINTS)
        monitoring = getattr(sys, "monitoring", None)
        if monitoring is None:
            self.error = "Memory by line needs Python 3.12 or later (sys.monitoring)."
            return
        for tool in (monitoring.PROFILER_ID, 5, 4, 3):
            try:
                monitoring.use_tool_id(tool, "heapwise memory by line")
            except ValueError:
                continue
            self.tool = tool
            break
        else:
            self.error = "Memory by line found every sys.monitoring tool id taken."
            return
        monitoring.register_callback(self.tool, monitoring.events.LINE, self._line)
        monitoring.set_events(self.tool, monitoring.events.LINE)
        gc.callbacks.append(self._collected)
        self.active = True

    def finish(self):
        """At the program's end, before the harness stops its own trace."""
        if self.active and _tracemalloc.is_tracing():
            self.sample(-1, at_end=True)
        self.quiet()

    def quiet(self):
        self.active = False
        monitoring = getattr(sys, "monitoring", None)
        if self.tool is not None and monitoring is not None:
            monitoring.set_events(self.tool, 0)
            monitoring.register_callback(self.tool, monitoring.events.LINE, None)
            monitoring.free_tool_id(self.tool)
            self.tool = None
        try:
            gc.callbacks.remove(self._collected)
        except ValueError:
            pass

    # -- events ---------------------------------------------------------------

    def _collected(self, phase, info):
        if phase == "start" and self.active:
            sys.monitoring.restart_events()

    def _line(self, code, line):
        if code.co_filename != self.program_file:
            return sys.monitoring.DISABLE
        if self.active and _TRACE.owner == "harness":
            self.sample(line)
        self.state[_LAST_LINE] = line
        return sys.monitoring.DISABLE

    # -- the program's own tracemalloc (its view, above, calls these) -----------

    def window_started(self):
        if self.active:
            self.state[_WINDOWS] += 1

    def whole_peak(self):
        """The harness's whole-program peak: the highest of the sampler's intervals."""
        return max(self.state[_VPEAK], _tracemalloc.get_traced_memory()[1])

    def program_point(self, frame):
        """The program stops its own trace: what it traced is about to be cleared."""
        if not (self.active and _tracemalloc.is_tracing()):
            return
        while frame is not None and frame.f_code.co_filename != self.program_file:
            frame = frame.f_back
        self.sample(frame.f_lineno if frame is not None else -1, point=True)

    # -- sampling -------------------------------------------------------------

    def sample(self, line, at_end=False, point=False):
        """Reads the traced bytes; takes a snapshot when they are the most so far."""
        state = self.state
        try:
            current, peak = _tracemalloc.get_traced_memory()
            if peak > state[_VPEAK]:
                state[_VPEAK] = peak
            if peak > state[_PEAK]:
                state[_PEAK] = peak
            state[_SAMPLES] += 1
            self._timeline(current)
            high = state[_HIGH]
            grown = current > high if (at_end or point) else current > high + max(high, 0) * self.GROW
            if at_end or grown:
                seconds = self.seconds
                spent = seconds[1]
                if at_end or point or spent < _perf_counter() - seconds[0] - spent:
                    self._snapshot(current, line, grown, at_end)
            if not point:
                _tracemalloc.reset_peak()
        except MemoryError:
            self.error = "A snapshot needed more memory than was left, so the figures stop there."
            self.quiet()
        except Exception as exc:  # the sampler's failure is never the program's
            self.error = f"Memory by line stopped: the sampler failed ({type(exc).__name__}: {exc})."
            self.quiet()

    def _timeline(self, current):
        state, times, values = self.state, self.times, self.values
        at = state[_POINTS]
        if at == len(values):
            # Halve, keeping the larger of each pair so the peak stays drawn.
            half = at // 2
            for i in range(half):
                times[i] = times[2 * i + 1]
                values[i] = max(values[2 * i], values[2 * i + 1])
            at = half
        times[at] = (_perf_counter() - self.seconds[0]) * 1000
        values[at] = current
        state[_POINTS] = at + 1

    def _snapshot(self, current, line, grown, at_end):
        started = _perf_counter()
        traces = _tracemalloc._get_traces()  # made while tracemalloc ignores its own work: not traced
        by = _itemgetter(2)
        traces.sort(key=by)
        state = self.state
        into = [] if not grown else [(self.best_bytes, self.best_count)]
        if at_end:
            into.append((self.end_bytes, self.end_count))
            state[_END] = 1
        for sizes, counts in into:
            for i in range(len(sizes)):
                sizes[i] = 0
                counts[i] = 0
        other = 0
        program_file = self.program_file
        last = len(self.best_bytes) - 1
        for traceback_, group in _groupby(traces, by):
            blocks = list(map(_itemgetter(1), group))
            where = None
            for filename, lineno in traceback_:
                if filename == program_file:
                    where = min(lineno, last)
                    break
            if where is None:
                other += sum(blocks)
                continue
            for sizes, counts in into:
                sizes[where] += sum(blocks)
                counts[where] += len(blocks)
        del traces
        if grown:
            state[_HIGH] = current
            state[_SNAP_LINE] = line
            state[_OTHER] = other
        state[_SNAPSHOTS] += 1
        self.seconds[1] += _perf_counter() - started

    # -- the result -----------------------------------------------------------

    def result(self):
        state = getattr(self, "state", None)
        if state is None or state[_HIGH] < 0:
            why = self.error or ("tracemalloc traced nothing while the program ran (it stopped the "
                                 "harness's trace and did not trace itself)")
            return {"available": False, "why": why}
        end = state[_END] == 1
        rows = [(lineno, self.best_bytes[lineno], self.best_count[lineno])
                for lineno in range(1, len(self.best_bytes)) if self.best_count[lineno]]
        rows.sort(key=lambda r: (-r[1], r[0]))
        points = state[_POINTS]
        return {
            "available": True,
            "why": self.error,
            "peak_bytes": max(state[_PEAK], state[_HIGH]),
            "snapshot_bytes": state[_HIGH],
            "snapshot_line": state[_SNAP_LINE] if state[_SNAP_LINE] > 0 else None,
            "other_bytes": state[_OTHER] + self.best_bytes[0],  # line 0: no line known
            "windows": state[_WINDOWS],
            "lines": [{"line": lineno, "bytes": size, "count": count,
                       "end_bytes": self.end_bytes[lineno] if end else None,
                       "end_count": self.end_count[lineno] if end else None}
                      for lineno, size, count in rows[: self.TOP_ROWS]],
            "timeline": [[round(self.times[i], 3), self.values[i]] for i in range(points)],
            "samples": state[_SAMPLES],
            "snapshots": state[_SNAPSHOTS],
            "sampling_ms": round(self.seconds[1] * 1000, 1),
        }


_LINES = _LineMemory()


# ---------------------------------------------------------------------------
# tracemalloc as the program sees it
# ---------------------------------------------------------------------------

class _Trace:
    """Who owns tracemalloc during a run: "harness" (the program must see it
    as not tracing), "program" (everything passes through), or None (no run)."""

    def __init__(self):
        self.owner = None
        self.program_file = None
        self.handed_over_at = None  # the program's line that called start()

    def hand_over(self, caller):
        _tracemalloc.stop()
        self.owner = "program"
        frame = caller
        while frame is not None and frame.f_code.co_filename != self.program_file:
            frame = frame.f_back
        self.handed_over_at = frame.f_lineno if frame is not None else None


_TRACE = _Trace()


def _as_program_sees(real):
    def decorate(view):
        functools.update_wrapper(view, real)
        return view

    return decorate


@_as_program_sees(_tracemalloc.start)
def _start(*args):
    if _TRACE.owner == "harness":
        _TRACE.hand_over(sys._getframe(1))
    tracing = _tracemalloc.is_tracing()
    started = _tracemalloc.start(*args)
    if not tracing:
        _LINES.window_started()
    return started


@_as_program_sees(_tracemalloc.stop)
def _stop():
    if _TRACE.owner == "harness":
        return None
    _LINES.program_point(sys._getframe(1))
    return _tracemalloc.stop()


@_as_program_sees(_tracemalloc.is_tracing)
def _is_tracing():
    if _TRACE.owner == "harness":
        return False
    return _tracemalloc.is_tracing()


@_as_program_sees(_tracemalloc.get_traced_memory)
def _get_traced_memory():
    if _TRACE.owner == "harness":
        return (0, 0)
    return _tracemalloc.get_traced_memory()


@_as_program_sees(_tracemalloc.clear_traces)
def _clear_traces():
    if _TRACE.owner == "harness":
        return None
    return _tracemalloc.clear_traces()


_REAL_TAKE_SNAPSHOT = tracemalloc.take_snapshot
_REAL_GET_OBJECT_TRACEBACK = tracemalloc.get_object_traceback


@_as_program_sees(_REAL_TAKE_SNAPSHOT)
def _take_snapshot():
    if _TRACE.owner == "harness":
        raise RuntimeError("the tracemalloc module must be tracing memory allocations to take a snapshot")
    return _REAL_TAKE_SNAPSHOT()


@_as_program_sees(_REAL_GET_OBJECT_TRACEBACK)
def _get_object_traceback(obj):
    if _TRACE.owner == "harness":
        return None
    return _REAL_GET_OBJECT_TRACEBACK(obj)


_PROGRAM_VIEW = {
    "start": _start,
    "stop": _stop,
    "is_tracing": _is_tracing,
    "get_traced_memory": _get_traced_memory,
    "clear_traces": _clear_traces,
    "take_snapshot": _take_snapshot,
    "get_object_traceback": _get_object_traceback,
}

if hasattr(_tracemalloc, "reset_peak"):  # Python 3.9 and later
    @_as_program_sees(_tracemalloc.reset_peak)
    def _reset_peak():
        if _TRACE.owner == "harness":
            return None
        return _tracemalloc.reset_peak()

    _PROGRAM_VIEW["reset_peak"] = _reset_peak



# ---------------------------------------------------------------------------
# Watched callables
# ---------------------------------------------------------------------------

class _Calls:
    """What a watched callable saw: see "Watching what the program calls"."""

    def __init__(self, target):
        self.target = target
        self.count = 0
        self.program_count = 0
        self.lines = set()

    def __repr__(self):
        return f"<calls of {self.target}: {self.count}, {self.program_count} while the program ran>"


class _Watch:
    """One watched callable: where it lives, the real one and its recorder."""

    def __init__(self, target):
        self.target = target
        parts = target.split(".")
        if len(parts) < 2:
            raise ValueError(f"watch({target!r}): name a module and a callable in it, like \"sys.intern\"")
        owner = __import__(parts[0])
        for depth, part in enumerate(parts[1:-1], start=1):
            try:
                owner = getattr(owner, part)
            except AttributeError:
                import importlib
                owner = importlib.import_module(".".join(parts[: depth + 1]))
        self.owner, self.name = owner, parts[-1]
        self.real = getattr(owner, self.name)
        # What the owner's namespace holds (a class keeps a staticmethod or
        # classmethod object there, not the function getattr gives).
        self.raw = vars(owner)[self.name] if isinstance(owner, type) and self.name in vars(owner) else self.real
        if owner is tracemalloc and self.name in _PROGRAM_VIEW:
            self.real = _PROGRAM_VIEW[self.name]  # the program calls the harness's view of it
        if not callable(self.real):
            raise ValueError(f"watch({target!r}): it is not callable")
        self.calls = _Calls(target)
        self.recorder = self._make_recorder()

    def _hit(self, getframe):
        calls = self.calls
        calls.count += 1
        if _RUN.phase == "program":
            calls.program_count += 1
        if calls.count > _LINED_CALLS:
            return  # lines are kept for the first calls only: no frame object after them
        frame = getframe(2)
        program_file = _RUN.program_file
        depth = 0
        while frame is not None and depth < 30:
            if frame.f_code.co_filename == program_file:
                line = frame.f_lineno
                if line not in calls.lines:
                    calls.lines.add(line)
                return
            frame = frame.f_back
            depth += 1

    def _make_recorder(self):
        real, hit, getframe = self.real, self._hit, sys._getframe
        if isinstance(real, type):
            plain_new = real.__new__ is object.__new__

            def __new__(cls, *args, **kwargs):
                hit(getframe)
                return object.__new__(cls) if plain_new else real.__new__(cls, *args, **kwargs)

            try:
                recorder = type(real.__name__, (real,), {"__new__": __new__, "__module__": real.__module__,
                                                         "__qualname__": real.__qualname__,
                                                         "__doc__": real.__doc__})
                return recorder
            except TypeError:
                pass  # a class that cannot be subclassed: record calls with a function instead

        # A `**kwargs` parameter makes a dict on every call, alive while the
        # real function runs (64 bytes in a snapshot it takes): a callable
        # that takes no keywords gets a recorder without one.
        if _positional_only(real):
            def recorder(*args):
                hit(getframe)
                return real(*args)
        else:
            def recorder(*args, **kwargs):
                hit(getframe)
                return real(*args, **kwargs)

        try:
            functools.update_wrapper(recorder, real)
        except (AttributeError, TypeError):
            pass
        if isinstance(self.raw, staticmethod):
            return staticmethod(recorder)
        if isinstance(self.raw, classmethod):
            real_function = self.raw.__func__

            def class_recorder(cls, *args, **kwargs):
                hit(getframe)
                return real_function(cls, *args, **kwargs)

            return classmethod(class_recorder)
        return recorder

    def install(self):
        setattr(self.owner, self.name, self.recorder)

    def remove(self):
        setattr(self.owner, self.name, self.raw)


# How many calls of a watched callable have their line recorded: finding
# the line makes the caller's frame object (about 100 bytes on 3.11), so
# later calls skip it and allocate nothing that outlives them.
_LINED_CALLS = 64


def _positional_only(function):
    """True when `function` takes no keyword arguments (so its recorder
    needs no `**kwargs`, which would make a dict on every call)."""
    import inspect
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.kind in (p.POSITIONAL_ONLY, p.VAR_POSITIONAL) for p in parameters)


class _Counting:
    """`with p.counting(target) as c:`; c.count is the calls made inside."""

    def __init__(self, calls):
        self._calls = calls
        self.count = 0

    def __enter__(self):
        self._start = self._calls.count
        return self

    def __exit__(self, *exc):
        self.count = self._calls.count - self._start
        return False


class _Run:
    """The run in progress: which phase ("program", "checks" or None) and the program's file."""

    def __init__(self):
        self.phase = None
        self.program_file = None
        self.watches = {}


_RUN = _Run()


# ---------------------------------------------------------------------------
# What a program may not change
# ---------------------------------------------------------------------------

def _guarded():
    """(label, namespace) pairs whose values a program must leave alone."""
    owners = [("builtins", builtins), ("gc", gc), ("tracemalloc", tracemalloc), ("_tracemalloc", _tracemalloc),
              ("sys", sys), ("heapwise_check", None)]
    found = []
    for label, owner in owners:
        space = globals() if owner is None else vars(owner)
        found.append((label, owner, space))
    classes = [(name, value) for name, value in vars(tracemalloc).items() if isinstance(value, type)
               and value.__module__ == "tracemalloc"]
    classes += [(name, value) for name, value in globals().items() if isinstance(value, type)
                and value.__module__ == __name__]
    for name, cls in classes:
        found.append((f"{cls.__module__}.{name}" if cls.__module__ != __name__ else f"heapwise_check.{name}",
                      cls, vars(cls)))
    return found


# sys attributes a program may set for its own ends; put back, never reported.
_SYS_FREE = {"stdout", "stderr", "stdin", "displayhook", "excepthook", "breakpointhook", "unraisablehook",
             "ps1", "ps2", "last_type", "last_value", "last_traceback", "last_exc", "argv", "path",
             "path_hooks", "meta_path", "path_importer_cache", "modules", "tracebacklimit"}


def _pristine():
    """A copy of every guarded namespace, taken when the harness is imported."""
    copies = []
    for label, owner, space in _guarded():
        if label == "sys":
            kept = {k: v for k, v in space.items() if k not in _SYS_FREE and callable(v)}
        else:
            kept = dict(space)
        copies.append((label, owner, kept))
    return copies


def _restore_guarded(pristine, expected):
    """Puts every guarded value back; returns what the program had changed,
    as "`name`" strings (`expected` maps (label, key) to what the harness
    itself put there while the program ran)."""
    changed = []
    for label, owner, kept in pristine:
        space = globals() if owner is None else vars(owner)
        for key, value in kept.items():
            want = expected.get((label, key), value)
            now = space.get(key, _MISSING)
            if now is not want:
                changed.append(f"`{label}.{key}`")
            if space.get(key, _MISSING) is not value:
                try:
                    if owner is None:
                        space[key] = value
                    else:
                        setattr(owner, key, value)
                except (AttributeError, TypeError):
                    pass
    for name, module in (("builtins", builtins), ("gc", gc), ("tracemalloc", tracemalloc),
                         ("_tracemalloc", _tracemalloc), ("sys", sys)):
        if sys.modules.get(name) is not module:
            changed.append(f"`sys.modules[{name!r}]`")
            sys.modules[name] = module
    return changed


_MISSING = object()


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

class _Tee(io.TextIOBase):
    """Passes writes on to the real stream and keeps a copy."""

    def __init__(self, real):
        super().__init__()
        self._real = real
        self._parts = []

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._parts.append(text)
        if self._real is not None:
            self._real.write(text)
        return len(text)

    def flush(self):
        if self._real is not None:
            self._real.flush()

    @property
    def encoding(self):
        return getattr(self._real, "encoding", "utf-8")

    @property
    def errors(self):
        return getattr(self._real, "errors", "strict")

    def text(self):
        return "".join(self._parts)


# ---------------------------------------------------------------------------
# The program, as the checks see it
# ---------------------------------------------------------------------------

def _shorten(text, limit=80):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A byte figure as a program may print it: 3234431, 3,234,431, 3_234_431,
# 1562.5, 3.2 MB, 434.5 KiB, 38.1M. A unit is read only where no letter
# follows it (10 ms is not 10 MB); a bare number only where no digit does.
_SIZE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?"
                   r"(?:\s*(kib|kb|k|mib|mb|m)(?![a-z])|(?!\d|\.\d))", re.IGNORECASE)
# Each unit in bytes, every way a program may have meant it.
_UNITS = {"": (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,),
          "m": (1e6, 2 ** 20), "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}


class Program:
    """What the student's program was and did; the argument of every check."""

    def __init__(self, source, filename, stdout, names, error, figures):
        self.source = source
        self.filename = filename
        self.stdout = stdout
        self.lines = stdout.splitlines()
        self.last_line = next((line for line in reversed(self.lines) if line.strip()), "")
        self.names = names
        self.error = error
        self._figures = figures

    def get(self, name, kind=None):
        """The module-level `name`; fails in words if it is not there or not
        of the `kind` asked for (`type` for a class, `callable`, or a type)."""
        if name not in self.names:
            fail(f"Your program does not define `{name}`; the exercise looks for it by that name, "
                 "as the task and the starter call it."
                 + self._stopped_early())
        value = self.names[name]
        if kind is None:
            return value
        if kind is type:
            if not isinstance(value, type):
                fail(f"`{name}` should be a class (a `class {name}:` statement), "
                     f"but in your program it is {_a_or_an(type(value).__name__)}.")
        elif kind is callable:
            if not callable(value):
                fail(f"`{name}` should be a function (`def {name}(...)`), "
                     f"but in your program it is {_a_or_an(type(value).__name__)}.")
        elif not isinstance(value, kind):
            fail(f"`{name}` should be {_a_or_an(kind.__name__)}, "
                 f"but in your program it is {_a_or_an(type(value).__name__)}.")
        return value

    def printed(self, pattern, missing):
        """The first printed line in which `pattern` is found; fail(missing) if none."""
        compiled = re.compile(pattern)
        for line in self.lines:
            found = compiled.search(line)
            if found:
                return found
        fail(missing + self._stopped_early())

    def expect_last_line(self, pattern, example):
        """re.fullmatch of `pattern` on the last printed line."""
        found = re.fullmatch(pattern, self.last_line.rstrip())
        if found is None:
            if self.last_line:
                said = f"The last line your program printed is \"{_shorten(self.last_line)}\""
            else:
                said = "Your program printed nothing"
            fail(f"{said}; the task asks it to finish with a line like \"{example}\"." + self._stopped_early())
        return found

    @property
    def code(self):
        """The source without comments and string literals (tokens kept in
        order, one space between them), or the source itself if it cannot
        be tokenized."""
        skip = {tokenize.COMMENT, tokenize.STRING}
        for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END"):
            if hasattr(tokenize, name):
                skip.add(getattr(tokenize, name))
        try:
            tokens = tokenize.generate_tokens(io.StringIO(self.source).readline)
            return " ".join(t.string for t in tokens if t.type not in skip and t.string.strip())
        except (tokenize.TokenError, SyntaxError, IndentationError):
            return self.source

    def conclusion(self, phrase, example=None):
        """True or False: what the last printed line saying `phrase`
        followed by True or False concludes. Case, spacing, quotes and
        the separator (`:`, `=`, `->`) are free; fails in words if no line says it."""
        pattern = re.compile(loose(phrase) + r"[\W_]*\b(True|False)\b(?!.*\b(?:True|False)\b)", re.IGNORECASE)
        for line in reversed(self.lines):
            found = pattern.search(line)
            if found:
                return found.group(1).lower() == "true"
        example = example or f"{phrase}: True"
        fail(f"No line your program printed says \"{phrase}\" followed by True or False; the task asks for a "
             f"line like \"{example}\"." + self._stopped_early())

    def sizes(self, lines=None, where=False):
        """Every number printed (or in `lines`), in bytes: once for each way
        its unit may be meant (a kB as 1,000 and as 1,024 bytes). With
        `where`, ((line index, column), bytes) pairs, to tell figures apart."""
        found = []
        for index, line in enumerate(self.lines if lines is None else lines):
            for match in _SIZE.finditer(line):
                value = float(re.sub(r"[,_]", "", match.group(1)) + (match.group(2) or ""))
                for factor in _UNITS[(match.group(3) or "").lower()]:
                    found.append(((index, match.start()), value * factor) if where else value * factor)
        return found

    def calls(self, target):
        """What the watched callable `target` saw (check.py must `watch` it)."""
        watched = _RUN.watches.get(target)
        if watched is None:
            raise RuntimeError(f"check.py asks about calls of {target!r} but does not watch({target!r})")
        return watched.calls

    def counting(self, target):
        """`with p.counting(target) as c:`; then c.count is the calls made inside."""
        return _Counting(self.calls(target))

    def measure(self, label, fn):
        """Runs fn() under a fresh tracemalloc trace; records the peak as a
        figure called `label` and returns (fn's result, peak bytes)."""
        was_tracing = _tracemalloc.is_tracing()
        if was_tracing:
            _tracemalloc.stop()
        gc.collect()
        _tracemalloc.start()
        try:
            start = _tracemalloc.get_traced_memory()[0]
            result = fn()
            if not _tracemalloc.is_tracing():
                fail(f"Measuring {label} did not work: the code it runs stopped tracemalloc itself.")
            peak = _tracemalloc.get_traced_memory()[1] - start
        finally:
            _tracemalloc.stop()
            if was_tracing:
                _tracemalloc.start()
        self._figures.append({"label": label, "bytes": int(peak)})
        return result, peak

    def peak(self, label, fn):
        """Like measure(), returning only the peak bytes."""
        return self.measure(label, fn)[1]

    def _stopped_early(self):
        if self.error is None:
            return ""
        where = f" on line {self.error['line']}" if self.error.get("line") else ""
        return f" (Your program stopped with {self.error['type']}{where}, so the lines after it did not run.)"


def _a_or_an(word):
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------

def _program_frames(tb, program_file):
    """The traceback entries that belong to the program's file."""
    entries = []
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == program_file:
            entries.append(tb)
        tb = tb.tb_next
    return entries


def _describe_error(exc, program_file, shown_name):
    """The error dict for an exception the program raised."""
    if isinstance(exc, SyntaxError) and exc.filename == program_file:
        line = exc.lineno
        text = "".join(traceback.format_exception_only(type(exc), exc))
        message = exc.msg
    else:
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != program_file:
            tb = tb.tb_next  # drop the harness's own frames
        mine = _program_frames(tb, program_file)
        line = mine[-1].tb_lineno if mine else None
        text = "".join(traceback.format_exception(type(exc), exc, tb))
        message = str(exc)
        if isinstance(exc, SystemExit):
            message = f"exit status {exc.code}"
    text = text.replace(f'"{program_file}"', f'"{shown_name}"')
    return {"type": type(exc).__name__, "message": str(message), "line": _line_in_program(line, program_file),
            "traceback": text}


def _line_in_program(line, program_file):
    """`line` if it is one of the program's lines, else None. A program can
    raise an error that names any line (SyntaxError("x", (f, -1, 1, "")));
    the page marks and links the line it is given, so it gets a real one or
    none. A line just past the end (an error at the end of the text) is
    the last line."""
    count = len(linecache.cache.get(program_file, (0, None, []))[2])
    if type(line) is not int or count == 0:
        return None
    if line == count + 1:
        return count
    return line if 1 <= line <= count else None


def _check_error_words(exc, program_file, shown_name):
    """An exception from inside a check, in plain words."""
    mine = _program_frames(exc.__traceback__, program_file)
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if mine:
        return (f"Running your code for this check raised {what} "
                f"({shown_name}, line {mine[-1].tb_lineno}).")
    return f"This check could not finish: {what}."


def _this_module():
    """This file as a module object, so `from heapwise_check import ...` in a
    check source reaches the very registry run_exercise reads."""
    here = sys.modules.get(__name__)
    if here is not None and vars(here) is globals():
        return here
    alias = types.ModuleType("heapwise_check", __doc__)
    alias.__dict__.update({k: v for k, v in globals().items() if not k.startswith("__")})
    return alias


class _NoInput(io.TextIOBase):
    """sys.stdin while a program runs: empty, so input() raises EOFError."""

    def readable(self):
        return True

    def readline(self, size=-1):
        return ""

    def read(self, size=-1):
        return ""


def _exit_as_sys_exit(status):
    """os._exit while a program runs: ends the program, not the interpreter."""
    raise SystemExit(status)


class _HeldLimit:
    asked = None


_HELD_LIMIT = _HeldLimit()
_REAL_SETRECURSIONLIMIT = sys.setrecursionlimit


def _held_recursion_limit(limit):
    """sys.setrecursionlimit in the browser while a program runs: a limit
    above BROWSER_RECURSION_LIMIT is held there (and said in a note)."""
    if limit > BROWSER_RECURSION_LIMIT:
        _HELD_LIMIT.asked = limit
        limit = BROWSER_RECURSION_LIMIT
    _REAL_SETRECURSIONLIMIT(limit)


def _execute(code, namespace):
    """Runs the program. Its own frame holds nothing but the program, so a
    program that looks at its caller's frame finds nothing of the run."""
    exec(code, namespace)


def _owner_label(owner):
    for label, guarded, _ in _PRISTINE:
        if guarded is owner:
            return label
    return None


def run_exercise(student_source: str, check_source: str | None, filename: str = "solution.py",
                 line_memory: bool = True) -> dict:
    """Runs the program, then the checks; see the module docstring."""
    shown_name = filename
    program_file = filename if os.path.isabs(filename) else os.path.join(os.getcwd(), filename)
    lines = student_source.splitlines(True)
    linecache.cache[program_file] = (len(student_source), None, lines, program_file)

    figures = []
    notes = []
    error = None
    sampled = False
    namespace = {}
    captured = ""
    changed = []
    watching = {}
    program = None

    saved_main = sys.modules.get("__main__")
    saved_argv = sys.argv
    saved_stdout = sys.stdout
    saved_limit = sys.getrecursionlimit()
    saved_profile = sys.getprofile()
    saved_trace = sys.gettrace()
    saved_heapwise = sys.modules.get("heapwise_check")
    sys.modules["heapwise_check"] = _this_module()
    if _tracemalloc.is_tracing():
        _tracemalloc.stop()
    # The checks are loaded first: they name the callables to watch while
    # the program runs.
    defined, watches, load_failure = _load_checks(check_source)
    _RUN.watches = {w.target: w for w in watches}
    _RUN.program_file = program_file
    # A previous run's module, its functions and its data form reference
    # cycles; collect them now, so they neither hold memory nor get collected
    # halfway through this program's own measurements.
    gc.collect()
    try:
        run_limit = saved_limit
        if IN_BROWSER and saved_limit > BROWSER_RECURSION_LIMIT:
            run_limit = BROWSER_RECURSION_LIMIT
        sys.setrecursionlimit(run_limit)
        try:
            code = compile(student_source, program_file, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            code = None
            if isinstance(exc, ValueError):  # e.g. a null byte in the source
                error = {"type": "ValueError", "message": str(exc), "line": None,
                         "traceback": f"ValueError: {exc}\n"}
            else:
                error = _describe_error(exc, program_file, shown_name)

        if code is not None:
            module = types.ModuleType("__main__")
            module.__file__ = program_file
            module.__builtins__ = builtins
            module.__loader__ = None
            module.__spec__ = None
            namespace = module.__dict__
            tee = _Tee(saved_stdout)
            sys.modules["__main__"] = module
            sys.argv = [shown_name]
            sys.stdout = tee
            expected = {}
            for name, view in _PROGRAM_VIEW.items():
                setattr(tracemalloc, name, view)
                expected[("tracemalloc", name)] = view
            # No keyboard: input() reads an empty stream (EOFError, explained
            # below). os._exit ends the program as sys.exit does, instead of
            # the interpreter. In the browser a raised recursion limit is held
            # at what the JavaScript stack can take.
            saved_stdin, saved_exit = sys.stdin, os._exit
            sys.stdin = _NoInput()
            os._exit = _exit_as_sys_exit
            if IN_BROWSER:
                sys.setrecursionlimit = _held_recursion_limit
                expected[("sys", "setrecursionlimit")] = _held_recursion_limit
            for watched in watches:
                watched.install()
                label = _owner_label(watched.owner)
                if label is not None:
                    expected[(label, watched.name)] = vars(watched.owner)[watched.name]
            _TRACE.program_file = program_file
            _TRACE.handed_over_at = None
            _TRACE.owner = "harness"
            _RUN.phase = "program"
            if line_memory:
                _LINES.begin(program_file, len(lines))
                sampled = True
            _tracemalloc.start()
            try:
                _execute(code, namespace)
            except SystemExit as exc:
                if exc.code not in (None, 0):
                    error = _describe_error(exc, program_file, shown_name)
            except BaseException as exc:  # the student's error, whatever it is
                error = _describe_error(exc, program_file, shown_name)
            finally:
                _RUN.phase = None
                owner = _TRACE.owner
                if sampled:
                    _LINES.finish()
                if owner == "harness":
                    peak = _LINES.whole_peak() if sampled else _tracemalloc.get_traced_memory()[1]
                    figures.append({"label": WHOLE_PROGRAM, "bytes": int(peak)})
                _TRACE.owner = None
                if _tracemalloc.is_tracing():
                    _tracemalloc.stop()
                sys.stdout = saved_stdout
                sys.stdin = saved_stdin
                os._exit = saved_exit
                # Everything the program may have replaced goes back (the
                # tracemalloc view included); what it replaced is reported.
                changed = _restore_guarded(_PRISTINE, expected)
                for watched in watches:
                    watched.install()  # the checks see calls too
                watching = {(_owner_label(w.owner), w.name): vars(w.owner)[w.name] for w in watches
                            if _owner_label(w.owner) is not None}
                sys.setprofile(saved_profile)
                sys.settrace(saved_trace)
                sys.setrecursionlimit(run_limit)
                if not gc.isenabled():
                    gc.enable()
                if hasattr(gc, "unfreeze"):
                    gc.unfreeze()
                captured = tee.text()
            if owner == "program":
                where = f" on line {_TRACE.handed_over_at}" if _TRACE.handed_over_at else ""
                notes.append(
                    f"Your program starts tracemalloc itself{where}, so the harness ended its own "
                    "whole-program trace there and left tracing to your program: the figures it prints "
                    "are measured just as when it runs alone. This run has no whole-program figure.")
            if error is not None and error["type"] == "RuntimeError" and IN_BROWSER \
                    and "thread" in error["message"]:
                notes.append(
                    "The browser's Python runs on a single thread: `threading.Thread.start()` raises "
                    "RuntimeError here. Catch it and do the work without a thread (live-monitor's "
                    "reference program samples from a profile hook instead), or run this part on a desktop.")
            if error is not None and error["type"] == "EOFError":
                notes.append(
                    "Your program called input(), but a program run here has no keyboard: input() reads an "
                    "empty input and raises EOFError. Put the values in the program itself.")
            if _HELD_LIMIT.asked is not None:
                notes.append(
                    f"Your program asked for a recursion limit of {_HELD_LIMIT.asked:,}; in the browser, "
                    f"Python's calls use the JavaScript stack, so the page holds the limit at "
                    f"{BROWSER_RECURSION_LIMIT} (a deeper recursion would crash the runtime instead of "
                    "raising RecursionError).")
                _HELD_LIMIT.asked = None
            if error is not None and error["type"] == "RecursionError" and IN_BROWSER:
                notes.append(
                    f"In the browser, Python's calls use the JavaScript stack, which is much smaller "
                    f"than a desktop's, so the page lowers the recursion limit to "
                    f"{BROWSER_RECURSION_LIMIT} (desktop CPython's default is 1,000). Your program went "
                    "deeper than that; a recursion that never ends hits any limit.")

        program = Program(student_source, shown_name, captured, namespace, error, figures)
        if load_failure is not None:
            checks = [load_failure]
        else:
            _RUN.phase = "checks"
            checks = _run_checks(defined, program, program_file, shown_name, notes)
            _RUN.phase = None
            # What a check's call of the program's code replaced goes back too.
            changed += [c for c in _restore_guarded(_PRISTINE, watching) if c not in changed]
        if changed:
            checks.insert(0, {
                "name": "your program leaves the checker and its measuring tools as they were",
                "passed": False,
                "message": ("Your program replaced " + ", ".join(changed[:5])
                            + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
                            + ". The checks measure with these, so a run that replaces them cannot be "
                            "judged: remove that code and run again."),
            })
    finally:
        _RUN.phase = None
        if sampled:
            _LINES.quiet()
        for watched in watches:
            watched.remove()
        _RUN.watches = {}
        sys.setrecursionlimit(saved_limit)
        sys.argv = saved_argv
        sys.stdout = saved_stdout
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
        if saved_heapwise is not None:
            sys.modules["heapwise_check"] = saved_heapwise

    del program, namespace
    gc.collect()
    return {
        "ok": error is None and all(c["passed"] for c in checks),
        "error": error,
        "stdout": captured,
        "figures": figures,
        "checks": checks,
        "notes": notes,
        "python": platform.python_version(),
        "pointer_bytes": struct.calcsize("P"),
        "line_memory": _LINES.result() if sampled else None,
    }


def _load_checks(check_source):
    """The check source's checks and watched callables, in order, and the
    failed check to report if it could not be loaded: (checks, watches, failure)."""
    if check_source is None:
        return (), [], None
    del _REGISTRY.checks[:]
    del _REGISTRY.watched[:]
    try:
        exec(compile(check_source, "check.py", "exec", dont_inherit=True),
             {"__name__": "heapwise_exercise_checks", "__builtins__": builtins,
              "check": check, "fail": fail, "Program": Program})
        watches = [_Watch(target) for target in dict.fromkeys(_REGISTRY.watched)]
    except BaseException as exc:
        return (), [], {"name": "the exercise's checks",
                        "passed": False,
                        "message": f"The checks for this exercise could not be loaded ({type(exc).__name__}: {exc}). "
                                   "This is a fault in the exercise, not in your program."}
    finally:
        defined = tuple(_REGISTRY.checks)
        del _REGISTRY.checks[:]
        del _REGISTRY.watched[:]
    return defined, watches, None


def _run_checks(defined, program, program_file, shown_name, notes):
    if program.error is not None and not program.names:  # it never started
        line = program.error["line"]
        why = (f"Your program could not start: Python found a {program.error['type']} "
               f"{'on line ' + str(line) if line else 'in it'}. Fix it and run again.")
        return [{"name": name, "passed": False, "message": why} for name, _ in defined]

    if program.error is not None:
        line = program.error["line"]
        notes.append(f"Your program stopped with {program.error['type']}"
                     f"{' on line ' + str(line) if line else ''}; the checks ran on what it had "
                     "defined and printed before that.")

    results = []
    saved_stdout = sys.stdout
    for name, function in defined:
        sys.stdout = io.StringIO()  # what the student's code prints here is not the program's output
        try:
            said = function(program)
            results.append({"name": name, "passed": True, "message": said if isinstance(said, str) else ""})
        except CheckFailed as failure:
            results.append({"name": name, "passed": False, "message": str(failure)})
        except BaseException as exc:
            results.append({"name": name, "passed": False,
                            "message": _check_error_words(exc, program_file, shown_name)})
        finally:
            sys.stdout = saved_stdout
            if _tracemalloc.is_tracing():
                _tracemalloc.stop()
            if not gc.isenabled():
                gc.enable()
    return results


# Taken last, when every name above exists: what a run must leave as it found it.
_PRISTINE = _pristine()
