"""A plain run: the program as `python3 solution.py` runs it, with no
instrument at all. What the page's console shows comes from this run.

Every instrument in the judged run changes what a program prints, by a
little: the whole-program trace (tracemalloc allocates for its own tables,
and a program that starts it itself starts it in an interpreter that has
already traced), Memory by line's sampler (CPython instruments each code
object the first time it runs under a `sys.monitoring` LINE tool, and
charges those blocks to the function's `def` line), provenance's marked
values (16 bytes more than a plain int), the recorders of watched
callables. A figure a program prints about its own memory includes them.
So the page runs the program twice when it is checked: once here, plainly,
for what it prints (the console), and once judged (running.py), for the
verdict and Memory by line. The judged run's output is kept with the
result (`checked_stdout`), and the page shows it where the checks read a
figure from it.

What stays as a desktop run has it, and why:
- a fresh `__main__` module with `__file__`, argv `[filename]`, tracebacks
  naming `filename` (the program's own, as CPython prints them, minus the
  harness's frames); the caller writes the program to `__file__`'s path
  (the page's worker in its working directory, the tests in a directory of
  the run's own), so a program can read its own source;
- stdout is the interpreter's own stream, written as the program writes;
- no keyboard: `input()` reads an empty stream (EOFError, explained in a
  note); `os._exit` ends the program, not the interpreter (a worker that
  exits cannot send its result);
- the checker cannot be imported (nothing of it should be in the program's
  reach, plain or judged);
- in the browser a raised recursion limit is held at what the JavaScript
  stack can take (notes.py says why).

What it leaves out, on purpose: no `gc.collect()` before the program (a
fresh interpreter has nothing of an earlier run to collect; the worker runs
one program). The run returns no figures and no checks.

Measured against `python3 solution.py` in a fresh process, the 30
reference programs print the same text on 20 of 30 (CPython 3.11.7) and
18 of 30 (3.13.0); the others differ by 64 B to 18.4 kB in a figure
(live-monitor's, 3.13.0), because the interpreter that runs this function
has imported the harness and its modules: which freed blocks CPython keeps
for reuse depends on what ran before. The judged run without Memory by
line matched on 12 of 30 on both.
"""
from __future__ import annotations

import builtins
import linecache
import os
import platform
import struct
import sys
import types

from .objects import picture
from .reporting import _describe_error
from .notes import _explain_run
from .stand_ins import (BROWSER_RECURSION_LIMIT, IN_BROWSER, _NoChecker, _NoInput, _exit_as_sys_exit,
                        _held_recursion_limit)


def run_plain(source: str, filename: str = "solution.py", objects: bool = False, only: str | None = None) -> dict:
    """Runs `source` as `python3 filename` would, printing to the real
    stdout. Returns {"error": None | the error dict of run_exercise,
    "notes": [str], "python": str, "pointer_bytes": int}, and with
    `objects`, "objects": the picture of what the program's global names
    (or the one name `only`) reach once it has ended (objects.py), or
    {"stopped": why} when it could not be drawn. The walk runs after the
    program, so it changes nothing the program printed."""
    program_file, code, error = _compiled(source, filename)
    notes = []
    namespace = {}
    if code is not None:
        error, namespace = _exec(code, program_file, filename)
    _explain_run(error, notes)
    result = {"error": error, "notes": notes, "python": platform.python_version(),
              "pointer_bytes": struct.calcsize("P")}
    if objects:
        try:
            result["objects"] = picture(namespace, only)
        except Exception as exc:  # noqa: BLE001 - a program's objects may break any call on them
            result["objects"] = {"stopped": f"the objects could not be walked ({type(exc).__name__}: {exc})"}
    return result


def _compiled(source, filename):
    """The program's file path (its lines in linecache, for tracebacks),
    its code, and its error dict when it does not compile (then no code)."""
    program_file = filename if os.path.isabs(filename) else os.path.join(os.getcwd(), filename)
    linecache.cache[program_file] = (len(source), None, source.splitlines(True), program_file)
    try:
        return program_file, compile(source, program_file, "exec", dont_inherit=True), None
    except SyntaxError as exc:
        return program_file, None, _describe_error(exc, program_file, filename)
    except ValueError as exc:  # e.g. a null byte in the source
        return program_file, None, {"type": "ValueError", "message": str(exc), "line": None,
                                    "traceback": f"ValueError: {exc}\n"}


def _exec(code, program_file, filename, started=None, ended=None):
    """Executes `code` as `__main__` in its surroundings; returns its error
    dict or None, and the module's namespace. Everything it changes is put
    back, so the judged run that may follow in this interpreter (the
    tests') starts as it would alone. `started()` and `ended()`, when given,
    are called right before the program's first line and right after its
    last (profile.py's trace)."""
    module = types.ModuleType("__main__")
    module.__file__ = program_file
    module.__builtins__ = builtins
    module.__loader__ = None
    module.__spec__ = None
    saved = (sys.modules.get("__main__"), sys.argv, sys.stdin, sys.stdout, os._exit, sys.getrecursionlimit(),
             sys.setrecursionlimit)
    hidden = {name: sys.modules.pop(name) for name in list(sys.modules)
              if name == "heapwise_check" or name.startswith("heapwise_check.")}
    sys.meta_path.insert(0, _NoChecker)
    sys.modules["__main__"] = module
    sys.argv = [filename]
    sys.stdin = _NoInput()
    os._exit = _exit_as_sys_exit
    if IN_BROWSER:
        if sys.getrecursionlimit() > BROWSER_RECURSION_LIMIT:
            sys.setrecursionlimit(BROWSER_RECURSION_LIMIT)
        sys.setrecursionlimit = _held_recursion_limit
    error = None
    try:
        if started is not None:
            started()
        exec(code, module.__dict__)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            error = _describe_error(exc, program_file, filename)
    except BaseException as exc:  # the student's error, whatever it is
        error = _describe_error(exc, program_file, filename)
    finally:
        if ended is not None:
            ended()
        try:
            sys.stdout.flush()
        except Exception:  # noqa: BLE001 - a program may have replaced or closed stdout
            pass
        main, sys.argv, sys.stdin, sys.stdout, os._exit, limit, sys.setrecursionlimit = saved
        sys.setrecursionlimit(limit)
        if main is not None:
            sys.modules["__main__"] = main
        while _NoChecker in sys.meta_path:
            sys.meta_path.remove(_NoChecker)
        sys.modules.update(hidden)
    return error, module.__dict__
