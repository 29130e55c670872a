"""What a check is given and works with: `Program` (what the student's
program was and did; its printed figures are read by figures.py, its
re-runs made by rerunning.py) and `fail`. The package's docstring is their
manual; the regexes for printed text are in patterns.py.
"""
import gc
import io
import re
import tokenize
from time import get_clock_info, perf_counter, process_time

import _tracemalloc
import tracemalloc

from .identity import compares_identity
from .figures import _PrintedFigures, _by_line, _covers, layout_facts
from .patterns import _TIMING, _a_or_an, _shorten
from .reading import _JUDGED, CheckFailed, _PrintedText, fail, heading_of, heading_unit, release_judged  # noqa: F401 (the package's API)
from .rerunning import _Rerunning
from .tracing import _TRACE
from .watching import _RUN, _Counting


def _counted_reset(real):
    """tracemalloc's `reset_peak` or `clear_traces`, counted while a check
    measures (Program.measure)."""
    def reset(*args, **kwargs):
        _TRACE.count_reset()
        return real(*args, **kwargs)
    return reset


class Program(_PrintedText, _PrintedFigures, _Rerunning):
    """What the student's program was and did; the argument of every check."""

    def __init__(self, source, filename, stdout, names, error, figures, measured=(), derived=(),
                 facts_seen=frozenset(), traced=(), peaks=()):
        self.source = source
        self.filename = filename
        self.stdout = stdout
        self.lines = stdout.splitlines()
        self.last_line = next((line for line in reversed(self.lines) if line.strip()), "")
        self.names = names
        self.error = error
        self._figures = figures
        # line index -> [(begin, end)]: where a measured value's text is in that line (provenance.py)
        self._measured = _by_line(stdout, measured)
        # line index -> [(begin, end)]: a derived value's text (provenance.DerivedInt), for BYTES_RULE only
        self._derived = _by_line(stdout, derived)
        # line index -> [(begin, end)]: the measured texts that are traced bytes (TracedInt), a part of _measured
        self._traced = _by_line(stdout, traced)
        # line index -> [(begin, end)]: the traced texts that are peaks (PeakInt), a part of _traced
        self._peaks = _by_line(stdout, peaks)
        # ... and those that are not: traced bytes at one moment (the current size, a snapshot's sizes)
        self._current = {line: [span for span in spans if span not in self._peaks.get(line, ())]
                         for line, spans in self._traced.items()}
        self._layout_facts = layout_facts(names) | facts_seen
        self._reruns = {}  # key -> Rerun or None (rerun)
        self._printed = None  # {(shape, k): [Figure]} of p.lines (printed_figures, unmoved)
        _JUDGED[:] = [self]  # the program the checks now read (heading_unit)

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

    def compares_identity(self, function=None, skip_calls=()):
        """True when the program's code (or its top-level function
        `function`) compares two objects with `is` (identity.py)."""
        return compares_identity(self.source, function, skip_calls)

    def measured(self, match, group=1, traced=False):
        """True when the text of `group` of `match` (a regex match on one of
        p.lines, as p.printed gives) is a figure a measurement of the program
        returned, formatted as it printed it (provenance.py); False for a
        typed figure, or one scaled from a smaller measurement. `group` may
        be a tuple of groups (the number's whole part and its fraction):
        their matched text together. With `traced`, only bytes tracemalloc
        traced count (the program's `get_traced_memory`, a snapshot's
        sizes, and their sums, differences, units and shares): a
        `sys.getsizeof` or a file's size is measured but not traced. With
        `traced="peak"`, only a traced peak counts (`get_traced_memory()[1]`,
        less a traced baseline, in a unit or per item): the current size
        read after the work is traced, but not its peak; with
        `traced="current"`, only traced bytes that are no peak."""
        line = match.string
        spans = [match.span(g) for g in (group if isinstance(group, tuple) else (group,)) if match.start(g) >= 0]
        begin, end = min(b for b, _ in spans), max(e for _, e in spans)
        text = line[begin:end]
        begin += len(text) - len(text.lstrip(" +-\u2212"))
        end -= len(text) - len(text.rstrip(" %"))
        return _covers(line, self._marks_of(line, None, traced), begin, end)

    def require_measured(self, match, what, group=1):
        """fail() unless p.measured(match, group), saying in plain words that
        `what` (e.g. "the peak") must be the figure the measurement returned."""
        if not self.measured(match, group):
            groups = group if isinstance(group, tuple) else (group,)
            figure = "".join(match.group(g) or "" for g in groups).strip()
            fail(f"{what[:1].upper()}{what[1:]} your program printed ({figure}, on the line "
                 f"\"{_shorten(match.string)}\") is not a figure your program measured: print the figure "
                 "your measurement returned (what `sys.getsizeof`, `tracemalloc` or the file's size gave, "
                 "or a difference, sum or ratio of such figures, or one divided by a count or a unit), not "
                 "a number typed in or scaled up from a smaller measurement.")

    def _marks_of(self, line, index, traced=False):
        """The measured texts' spans in `line`, one of p.lines (found at
        `index`, or by identity, then by equality); with `traced`, only the
        traced values' texts; with `traced="peak"`, only the peaks'; with
        `traced="current"`, only the other traced values'."""
        if index is None:
            index = next((i for i, kept in enumerate(self.lines) if kept is line), None)
            if index is None:
                index = next((i for i, kept in enumerate(self.lines) if kept == line), None)
        kept = (self._peaks if traced == "peak" else self._current if traced == "current"
                else self._traced if traced else self._measured)
        return kept.get(index, ()) if index is not None else ()

    def require_real_timing(self, prepare, what, rounds=5, share=20):
        """fail() unless every timing line the program printed (as the
        references print theirs for the page's comparison with Rust:
        "timing: ... 42.5 us per call ...") timed work really done: a finite
        figure of at least 1/`share` of the fastest of `rounds` calls here of
        the callable `prepare()` returns (called only when such a line was
        printed; the inputs it builds are not timed). `what` names the work
        in the message ("`in_chunks(100_000, 1_000)`"). An empty timed loop,
        or nothing timed (inf), fails. The work timed here is the task's
        size, so a line that times a much smaller size (under 1/`share` of
        it) fails too: the size the line names is not read yet.

        This side's figure is the fastest round on the clock, or the
        processor time per round when that is less (`_fastest`): a program
        timed while its machine was busy prints a longer time, which
        passes, but this side's figure must not grow with the load (a check
        run at a low priority beside builds saw 100 times its idle figure
        on the clock, and failed a correct program)."""
        own = None
        for line in self.lines:
            found = _TIMING.search(line)
            if not found:
                continue
            printed = float(found.group(1).replace(",", ""))
            if own is None:
                own = _fastest(prepare(), rounds) * 1e6
            if not (printed == printed and printed != float("inf") and printed >= own / share):
                fail(f"Your program printed the timing \"{line.strip()[:120]}\", but {what} takes about "
                     f"{own:,.1f} us here: a timing must time the work it names (call it inside the timed loop, "
                     "and keep the fastest round), not an empty loop or nothing at all. Drop the line if you do "
                     "not need it.")

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
        # The code measured may not reset the peak or clear the traces: what
        # it allocated before would not be in the figure (tracing.py counts a
        # reset through the program's view of tracemalloc; these count one
        # through the module's functions).
        resetting = {name: getattr(tracemalloc, name) for name in ("reset_peak", "clear_traces")
                     if hasattr(tracemalloc, name)}
        for name, real in resetting.items():
            setattr(tracemalloc, name, _counted_reset(real))
        _TRACE.resets = 0
        _tracemalloc.start()
        try:
            start = _tracemalloc.get_traced_memory()[0]
            result = fn()
            if not _tracemalloc.is_tracing():
                fail(f"Measuring {label} did not work: the code it runs stopped tracemalloc itself.")
            peak = _tracemalloc.get_traced_memory()[1] - start
            if _TRACE.resets:
                fail(f"Measuring {label} did not work: the code it runs reset tracemalloc's peak (`reset_peak()` "
                     "or `clear_traces()`), so what it allocated before that is not in the figure. The function "
                     "the task asks for does its work; measuring it is the caller's job.")
        finally:
            _TRACE.resets = None
            for name, real in resetting.items():
                setattr(tracemalloc, name, real)
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


# Bound here, when the checker is imported: a program that replaces
# time.perf_counter cannot reach these.
_CPU_CLOCK = get_clock_info("process_time").resolution <= 1e-5


def _fastest(work, rounds):
    """Seconds of the fastest of `rounds` calls of `work()` on the clock, or
    the processor time the calls took, per call, when that is less and long
    enough to read (20 ms or more: this clock can move in steps of a few
    milliseconds, as it does under a processor-time limit, and in Pyodide
    it is the clock's time)."""
    fastest = float("inf")
    before = _processor_time()
    for _ in range(rounds):
        started = perf_counter()
        work()
        fastest = min(fastest, perf_counter() - started)
    after = _processor_time()
    if before is None or after is None:
        return fastest
    used = after - before
    return min(fastest, used / rounds) if _CPU_CLOCK and used >= 0.02 else fastest


def _processor_time():
    """process_time(), or None where the interpreter cannot read it: Pyodide
    reads it from C's clock(), a 32-bit count of microseconds since the
    runtime started, which no longer fits after about 36 minutes (a spare
    interpreter left waiting that long in the page, a long test run in
    Node) and raises RuntimeError."""
    try:
        return process_time()
    except (OSError, RuntimeError, OverflowError):
        return None
