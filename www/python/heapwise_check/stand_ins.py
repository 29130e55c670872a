"""What the program runs with in place of the real thing: its output teed
(passed on and kept), an empty keyboard, `os._exit` that ends only the
program, and in the browser a recursion limit held at what the JavaScript
stack can take. running.py puts them in before the program starts and the
real ones back after it ends.
"""
import io
import sys

from .provenance import _FORMATTED, _STATE
from .text_marks import percent_marks, take_marks

# Measured with Pyodide 314.0.7 in Node (its default stack): a recursion that
# goes through sum() over a generator killed the runtime between 500 and 600
# frames deep, one through map() between 250 and 300, one through __repr__
# between 200 and 250; plain Python-to-Python calls still ran at 100,000.
BROWSER_RECURSION_LIMIT = 150

IN_BROWSER = sys.platform == "emscripten"


class _Tee(io.TextIOBase):
    """Passes writes on to the real stream and keeps a copy, with where a
    text made by formatting a measured value went (provenance.py)."""

    def __init__(self, real):
        super().__init__()
        self._real = real
        self._parts = []
        self._marks = []  # write, begin, end, ...: a measured value's text in write number `write` (flat)

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if _FORMATTED:
            self._marks += take_marks(text, len(self._parts))
        if _STATE.percent and _STATE.recording:
            self._marks += percent_marks(text, len(self._parts), self._marks)
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

    def measured_spans(self, derived=False, traced=False, peak=False):
        """Where measured values' texts are in text(), as (begin, end)
        offsets; with `derived`, derived values' texts (provenance.DerivedInt);
        with `traced`, only the measured texts of traced values (TracedInt,
        TracedFloat: a mark whose end is kept as ~end); with `peak`, only
        those of traced peaks (PeakInt, PeakFloat: its begin kept as ~begin too)."""
        starts, at = [], 0
        for part in self._parts:
            starts.append(at)
            at += len(part)
        marks = self._marks
        spans = []
        for i in range(0, len(marks), 3):
            write, begin, end = marks[i], marks[i + 1], marks[i + 2]
            if (write < 0) != derived or (traced and end >= 0) or (peak and begin >= 0):
                continue
            offset = starts[~write if derived else write]
            spans.append((offset + (begin if begin >= 0 else ~begin), offset + (end if end >= 0 else ~end)))
        return spans


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
    """A recursion limit the program asked for above BROWSER_RECURSION_LIMIT,
    until the note that says so is written."""

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


class _NoChecker:
    """First on `sys.meta_path` while a program runs, with the checker's
    modules out of `sys.modules`: `import heapwise_check` fails in words."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "heapwise_check" or name.startswith("heapwise_check."):
            raise ImportError("a program run in Heapwise cannot import the checker (heapwise_check): "
                              "it runs after your program, on what your program did", name=name)
        return None
