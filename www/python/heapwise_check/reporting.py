"""Reporting: the program's errors and the checks' failures in words,
the checks run in order, and the result dict run_exercise returns.
"""
import gc
import io
import linecache
import platform
import struct
import sys
import traceback

import _tracemalloc

from .program import CheckFailed


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


def _run_checks(defined, program, program_file, shown_name, notes, token=None, _audit=sys.audit):
    """Runs each check in order on `program` and returns their results: all
    failed, none run, when the program never started; a note first when it
    stopped with an error."""
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

    # Each check is announced to the run's watchman (sealing.py) before it
    # runs, and its result handed over as it ends: the verdict is made from
    # those copies.
    results = []
    saved_stdout = sys.stdout
    _audit("heapwise.phase", token, "checks")
    for index, (name, function) in enumerate(defined):
        sys.stdout = io.StringIO()  # what the student's code prints here is not the program's output
        _audit("heapwise.check", token, index, function)
        try:
            said = function(program)
            result = {"name": name, "passed": True, "message": said if isinstance(said, str) else ""}
        except CheckFailed as failure:
            result = {"name": name, "passed": False, "message": str(failure)}
        except BaseException as exc:
            result = {"name": name, "passed": False, "message": _check_error_words(exc, program_file, shown_name)}
        finally:
            sys.stdout = saved_stdout
            if _tracemalloc.is_tracing():
                _tracemalloc.stop()
            if not gc.isenabled():
                gc.enable()
        _audit("heapwise.checked", token, index, result["passed"], result["message"])
        _audit("heapwise.checkpoint", token, "check")
        results.append(result)
    _audit("heapwise.phase", token, "harness")
    return results


def _result(error, stdout, figures, checks, notes, line_memory):
    """run_exercise's answer, with its keys in the documented order."""
    return {
        "ok": error is None and all(c["passed"] for c in checks),
        "error": error,
        "stdout": stdout,
        "figures": figures,
        "checks": checks,
        "notes": notes,
        "python": platform.python_version(),
        "pointer_bytes": struct.calcsize("P"),
        "line_memory": line_memory,
    }
