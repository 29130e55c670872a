"""A profile run: Memory by line and the whole-program peak, whoever traces.

The judged run (running.py) hands tracemalloc over when the program starts
it itself, so that the figures the program prints, which the checks read,
are its own trace's. From then on the harness sees nothing: no
whole-program peak, and Memory by line only had the snapshot taken where
the program stopped its trace, after it may have freed its largest
structure (generator-vs-list's list of 11.4 MiB on line 12 showed as
1.47 KiB). Most exercises ask the program to trace itself.

So the page runs the program once more, in a fresh interpreter, for the
figures alone: here the harness traces from the program's first line to
its last and never lets go; the program's `tracemalloc.start()` opens a
window on that trace (tracing.py), so it runs as it would, and its output
goes nowhere (the console shows the plain run's, the checks read the
judged run's). The sampler sees the whole run, so the table is the
snapshot with the most bytes of the whole run and the peak is the run's.

Surroundings are the plain run's (plain.py): a fresh `__main__`, no
keyboard, `os._exit` ending the program, the checker out of reach.
"""
from __future__ import annotations

import gc
import platform
import struct
import sys
import tracemalloc
from array import array

import _tracemalloc

from .notes import _explain_run
from .objects import picture
from .plain import _compiled, _exec
from .running import WHOLE_PROGRAM
from .steps import declared, of_lines
from .tracing import _LINES, _PROGRAM_VIEW, _TRACE


class _Nowhere:
    """stdout for a profile run: what the program prints is not kept (kept,
    it would be memory charged to the lines that print)."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text):
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False


def run_profile(source: str, filename: str = "solution.py", objects: bool = False, check: str | None = None,
                task_only: bool = False) -> dict:
    """Runs `source` with the harness tracing all of it and Memory by line
    sampling; returns run_exercise's shape without "judged" (no checks ran:
    the page reads that as a run without checks): "figures" holds the
    whole-program peak, "line_memory" the sampler's result, "stdout" is
    empty, and "error" the program's error in this run. With `objects`,
    "objects" is the picture of what the program's global names hold once
    it has ended (objects.py, as run_plain gives it), walked after the
    trace has stopped, so See your objects needs no run of its own.
    `check`, the exercise's check.py (not run): "steps" is each step of
    the task it declares at its most (steps.py, line_memory.py); with
    `task_only` (the reference program's profile), "lines" holds only the
    lines that do one of them (no imports, no prediction experiments), at
    the snapshot where those held the most."""
    program_file, code, error = _compiled(source, filename)
    notes = []
    figures = []
    line_memory = None
    drawn = None
    if code is not None:
        steps = declared(check)
        done = of_lines(source, steps)  # before the trace starts, as the sampler's masks
        line_count = len(source.splitlines())
        masks = array("q", [0] * (line_count + 2))
        for line, labels in done.items():
            masks[min(line, line_count + 1)] = sum(1 << i for i, (label, _) in enumerate(steps) if label in labels)
        error, line_memory, peak, drawn = _profiled(code, program_file, filename, line_count, objects, masks, len(steps),
                                                    task_only)
        if peak is not None:
            figures.append({"label": WHOLE_PROGRAM, "bytes": int(peak)})
        if line_memory["steps"]:
            line_memory["step_labels"] = [label for label, _ in steps]
    _explain_run(error, notes)
    result = {"ok": error is None, "error": error, "stdout": "", "figures": figures, "checks": [],
              "notes": notes, "python": platform.python_version(), "pointer_bytes": struct.calcsize("P"),
              "line_memory": line_memory}
    if objects:
        result["objects"] = drawn or {"stopped": "the program did not run, so it has no objects"}
    return result


def _profiled(code, program_file, filename, line_count, objects, masks, step_count, task_only):
    """The program run under the kept trace: (its error, Memory by line's
    result, the whole-program peak or None when the trace was lost, and
    with `objects` the picture of its names, walked untraced)."""
    saved_view = {name: getattr(tracemalloc, name) for name in _PROGRAM_VIEW}
    saved_stdout, saved_profile, saved_trace = sys.stdout, sys.getprofile(), sys.gettrace()
    gc.collect()
    _TRACE.program_file = program_file
    _TRACE.handed_over_at = None
    _TRACE.keep, _TRACE.window, _TRACE.owner = True, None, "harness"
    for name, view in _PROGRAM_VIEW.items():
        setattr(tracemalloc, name, view)
    _LINES.begin(program_file, line_count, masks, step_count, task_only)
    sys.stdout = _Nowhere()
    namespace = None
    ended = []  # once the program has ended: its whole-run peak (None: the trace was lost)

    def stop_tracing():
        _LINES.finish()
        tracing = _tracemalloc.is_tracing()  # a program that reached the real stop() ended it
        ended.append(_LINES.whole_peak() if tracing else None)
        _TRACE.keep, _TRACE.window, _TRACE.owner = False, None, None
        if tracing:
            _tracemalloc.stop()

    try:
        error, namespace = _exec(code, program_file, filename, started=_tracemalloc.start, ended=stop_tracing)
    finally:
        sys.stdout = saved_stdout
        if not ended:  # the surroundings failed before the program started
            stop_tracing()
        for name, real in saved_view.items():
            setattr(tracemalloc, name, real)
        # What a program may leave switched (the judged run's guard puts
        # back more; a profile run's interpreter is thrown away in the page).
        sys.setprofile(saved_profile)
        sys.settrace(saved_trace)
        if not gc.isenabled():
            gc.enable()
        if hasattr(gc, "unfreeze"):
            gc.unfreeze()
    memory = _LINES.result()
    _LINES.quiet()
    drawn = None
    if objects and namespace is not None:
        try:
            drawn = picture(namespace, None)
        except Exception as exc:  # noqa: BLE001 - a program's objects may break any call on them
            drawn = {"stopped": f"the objects could not be walked ({type(exc).__name__}: {exc})"}
    del namespace
    gc.collect()
    return error, memory, ended[0], drawn
