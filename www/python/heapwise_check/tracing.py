"""tracemalloc during a run: who owns it, and what the program sees of it.

While the harness traces the whole program, the program sees tracemalloc
exactly as a fresh interpreter shows it: not tracing, `get_traced_memory()`
is `(0, 0)`, `stop()` and `reset_peak()` do nothing, `take_snapshot()`
raises. When the program calls `tracemalloc.start()` itself, the harness
hands the trace over and everything passes through. `_PROGRAM_VIEW` holds
these functions by name; running.py puts them into `tracemalloc` while the
program runs.

A profile run (profile.py) keeps the trace instead (`_TRACE.keep`): the
program's `start()` opens a window on the harness's trace, which goes on
tracing everything, and its calls read that window: `get_traced_memory()`
counts from where the window opened, `reset_peak()` and `clear_traces()`
move the window's start, `take_snapshot()` is a snapshot of the whole trace.
Those figures are near, not equal, to what the program's own trace would
give, and nobody reads them: a profile run's output is not shown. It exists
for the whole-program peak and Memory by line of a program that traces
itself.

The line sampler (`_LINES`, line_memory.py) is made here, with the trace's
owner it reads: the view tells it when the program starts or stops a trace.
"""
import functools
import sys

import _tracemalloc
import tracemalloc

from .line_memory import _LineMemory
from .measured import PeakInt, TracedInt
from .provenance import _remember


class _Trace:
    """Who owns tracemalloc during a run: "harness" (the program must see it
    as not tracing), "program" (everything passes through), or None (no run)."""

    def __init__(self):
        self.owner = None
        self.program_file = None
        self.handed_over_at = None  # the program's line that called start()
        self.keep = False  # a profile run: the harness keeps the trace (module docstring)
        self.window = None  # then, while the program "traces": [bytes at its start, its peak]
        self.resets = None  # while a check measures the program's code (Program.measure): its resets of the peak

    def count_reset(self):
        """The program's code reset the peak or cleared the traces: counted
        while a check measures it (Program.measure refuses the figure)."""
        if self.resets is not None:
            self.resets += 1

    def kept_window(self):
        """In a profile run, the program's window on the trace, or None."""
        return self.window if self.keep else None

    def fold_peak(self, peak):
        """The sampler is about to reset the real peak: the window keeps it."""
        window = self.window
        if window is not None and peak > window[1]:
            window[1] = peak

    def hand_over(self, caller):
        _tracemalloc.stop()
        self.owner = "program"
        frame = caller
        while frame is not None and frame.f_code.co_filename != self.program_file:
            frame = frame.f_back
        self.handed_over_at = frame.f_lineno if frame is not None else None


_TRACE = _Trace()
# Memory by line: samples only while the harness owns the trace.
_LINES = _LineMemory(_TRACE)


def _as_program_sees(real):
    def decorate(view):
        functools.update_wrapper(view, real)
        return view

    return decorate


@_as_program_sees(_tracemalloc.start)
def _start(*args):
    if _TRACE.owner == "harness" and _TRACE.keep:
        if _TRACE.window is None:
            current = _tracemalloc.get_traced_memory()[0]
            _TRACE.window = [current, current]
            _LINES.window_started()
        return None
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
        if _TRACE.window is not None:
            _LINES.window_point(sys._getframe(1))
        _TRACE.window = None
        return None
    _LINES.program_point(sys._getframe(1))
    return _tracemalloc.stop()


@_as_program_sees(_tracemalloc.is_tracing)
def _is_tracing():
    if _TRACE.owner == "harness":
        return _TRACE.kept_window() is not None
    return _tracemalloc.is_tracing()


@_as_program_sees(_tracemalloc.get_traced_memory)
def _get_traced_memory():
    window = _TRACE.kept_window()
    if _TRACE.owner == "harness" and window is not None:
        current, peak = _tracemalloc.get_traced_memory()
        _TRACE.fold_peak(peak)
        return (max(current - window[0], 0), max(window[1] - window[0], 0))
    if _TRACE.owner == "harness":
        return (0, 0)
    # Marked as measured (provenance.py). Unpacked first, so the pair made
    # next takes the block the real pair freed: the program's later figures
    # see the same memory in use as without the marks.
    current, peak = _tracemalloc.get_traced_memory()
    return (_remember(TracedInt(current)), _remember(PeakInt(peak)))


@_as_program_sees(_tracemalloc.clear_traces)
def _clear_traces():
    _TRACE.count_reset()
    window = _TRACE.kept_window()
    if _TRACE.owner == "harness" and window is not None:
        _LINES.window_point(sys._getframe(1), restart=True)  # one measurement ends, the next starts
        window[0] = window[1] = _tracemalloc.get_traced_memory()[0]
    if _TRACE.owner == "harness":
        return None
    return _tracemalloc.clear_traces()


_REAL_TAKE_SNAPSHOT = tracemalloc.take_snapshot
_REAL_GET_OBJECT_TRACEBACK = tracemalloc.get_object_traceback


@_as_program_sees(_REAL_TAKE_SNAPSHOT)
def _take_snapshot():
    if _TRACE.owner == "harness" and _TRACE.kept_window() is None:
        raise RuntimeError("the tracemalloc module must be tracing memory allocations to take a snapshot")
    return _REAL_TAKE_SNAPSHOT()


@_as_program_sees(_REAL_GET_OBJECT_TRACEBACK)
def _get_object_traceback(obj):
    if _TRACE.owner == "harness" and _TRACE.kept_window() is None:
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
        _TRACE.count_reset()
        window = _TRACE.kept_window()
        if _TRACE.owner == "harness" and window is not None:
            _LINES.window_point(sys._getframe(1), restart=True)
            window[1] = _tracemalloc.get_traced_memory()[0]
        if _TRACE.owner == "harness":
            return None
        return _tracemalloc.reset_peak()

    _PROGRAM_VIEW["reset_peak"] = _reset_peak
