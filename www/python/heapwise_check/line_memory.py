"""Memory by line: which of the program's lines held the traced memory at
its peak (Python 3.12 and later).

The one sampler is made in tracing.py, which tells it who owns the trace
and when the program starts or stops a trace of its own. running.py starts
it (`begin`) before tracing starts and ends it (`finish`) before tracing
stops; `result()` is the result's "line_memory" entry.
"""
import gc
import sys
from array import array as _array
from itertools import groupby as _groupby
from operator import itemgetter as _itemgetter
from time import perf_counter as _perf_counter

import _tracemalloc

# What _drain makes to take the snapshot's objects back off CPython's free
# lists: tuples of the sizes a snapshot's traces are made of (a trace, a frame,
# a traceback of one frame) and, where ints have a free list (3.14), ints.
_NONES = (None,) * 8
_INT_BASE = 1 << 20
_HELD = 8192

# Slots of _LineMemory.state, an array of integers made before tracing starts.
(_VPEAK, _PEAK, _HIGH, _SNAP_LINE, _OTHER, _SAMPLES, _SNAPSHOTS, _POINTS, _WINDOWS, _END, _LAST_LINE, _WINDOW_SNAPS,
 _WINDOW_START, _WINDOW_HIGH, _TASK_HIGH, _TASK_CURRENT, _TASK_LINE) = range(17)
# Snapshots of a profile run's windows (as they grow and where they end)
# taken whatever the time budget says; later ones are rationed with the rest.
_WINDOW_SNAPS_FREE = 64


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
    6 to 9 kB of them (measured in the README); the line figures never
    do (the sampler's lines are not the program's). A snapshot's objects,
    made untraced, are taken back off the free lists (`_drain`), so the
    program's lines count what plain tracemalloc counts.

    Snapshots cost time in proportion to the blocks traced, so they are
    rationed: during the run, one is taken only while the time spent on
    snapshots is less than the program's own running time; at the end and
    where the program stops its trace, always. Off before Python 3.12."""

    GROW = 0.1
    WINDOW_GROW = 1.25  # a window's own bytes, from one of its snapshots to the next
    TIMELINE_POINTS = 400
    TOP_ROWS = 50

    def __init__(self, trace):
        self.trace = trace  # who owns tracemalloc (tracing.py): it samples only while the harness does
        self.active = False
        self.tool = None
        self.program_file = None
        self.error = None

    # -- the run --------------------------------------------------------------

    def begin(self, program_file, line_count, masks=None, step_count=0, task_only=False):
        """Before tracing starts: everything kept is allocated here (with the
        real `array`, taken at import: a check may watch `array.array`).
        `masks`: for each line, a bit for each step of the task it does
        (steps.py; a profile run's), so that each step's most is read too;
        with `task_only`, the table is the snapshot where the lines doing a
        step held the most, those lines only (the reference program's)."""
        array = _array
        self.program_file = program_file
        self.error = None
        self.state = array("q", [0] * 17)
        self.state[_HIGH] = -1
        self.state[_SNAP_LINE] = -1
        self.seconds = array("d", [_perf_counter(), 0.0])  # started, spent on snapshots
        size = line_count + 2
        self.best_bytes, self.best_count = array("q", [0] * size), array("q", [0] * size)
        self.end_bytes, self.end_count = array("q", [0] * size), array("q", [0] * size)
        # Each line's bytes at the snapshot being read; each step's bytes there,
        # and at its most (with the line that held the most of it then).
        self.now_bytes, self.now_count = array("q", [0] * size), array("q", [0] * size)
        self.masks = masks if masks is not None else array("q", [0] * size)
        self.step_count = step_count
        self.step_now, self.step_top = array("q", [0] * (step_count + 1)), array("q", [0] * (step_count + 1))
        self.step_most, self.step_line = array("q", [0] * (step_count + 1)), array("q", [0] * (step_count + 1))
        self.task_only = task_only and step_count > 0
        self.task_bytes, self.task_count = array("q", [0] * size), array("q", [0] * size)
        self.times = array("d", [0.0] * self.TIMELINE_POINTS)
        self.values = array("q", [0] * self.TIMELINE_POINTS)
        self.held = [None] * _HELD  # what _drain takes off the free lists, untraced, until the next run
        self.held_at = array("q", [0])
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
        if self.active and self.trace.owner == "harness":
            self.sample(line)
        self.state[_LAST_LINE] = line
        return sys.monitoring.DISABLE

    # -- the program's own tracemalloc (its view, in tracing.py, calls these) ---

    def window_started(self):
        if self.active:
            self.state[_WINDOWS] += 1
            # A profile run's window: its own growth is sampled too (see sample).
            self.state[_WINDOW_START] = _tracemalloc.get_traced_memory()[0]
            self.state[_WINDOW_HIGH] = 0

    def whole_peak(self):
        """The harness's whole-program peak: the highest of the sampler's intervals."""
        return max(self.state[_VPEAK], _tracemalloc.get_traced_memory()[1])

    def program_point(self, frame):
        """The program stops its own trace: what it traced is about to be cleared."""
        if not (self.active and _tracemalloc.is_tracing()):
            return
        while frame is not None and frame.f_code.co_filename != self.program_file:
            frame = frame.f_back
        self.sample((frame.f_lineno or -1) if frame is not None else -1, point=True)

    def window_point(self, frame, restart=False):
        """A profile run's program ends a measurement on its window of the
        harness's trace (stop(), or with `restart` clear_traces() or
        reset_peak(), where the next begins): a snapshot even if the bytes
        are not the most so far, so that each step's most is read (within
        the snapshots' budget). Only when the exercise names steps."""
        if not (self.active and self.step_count and _tracemalloc.is_tracing()):
            return
        while frame is not None and frame.f_code.co_filename != self.program_file:
            frame = frame.f_back
        self.sample((frame.f_lineno or -1) if frame is not None else -1, window=True)
        if restart:
            self.state[_WINDOW_START] = _tracemalloc.get_traced_memory()[0]
            self.state[_WINDOW_HIGH] = 0

    # -- sampling -------------------------------------------------------------

    def sample(self, line, at_end=False, point=False, window=False):
        """Reads the traced bytes; takes a snapshot when they are the most so
        far (and, with `window`, where a program's window on the trace ends)."""
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
            # In a profile run, while the program's window on the trace is
            # open, a step is being measured: a snapshot as the window's own
            # bytes grow too, so a step smaller than an earlier one is seen
            # at its most even when the program frees it before its stop().
            held = current - state[_WINDOW_START]
            window_grown = (self.step_count > 0 and self.trace.keep and self.trace.window is not None
                            and held > max(state[_WINDOW_HIGH] * self.WINDOW_GROW, 1024))
            if at_end or grown or point or window or window_grown:
                seconds = self.seconds
                spent = seconds[1]
                free = (window or window_grown) and state[_WINDOW_SNAPS] < _WINDOW_SNAPS_FREE
                if free:
                    state[_WINDOW_SNAPS] += 1
                if at_end or point or free or spent < _perf_counter() - seconds[0] - spent:
                    if window_grown:
                        state[_WINDOW_HIGH] = held
                    self._snapshot(current, line, grown, at_end)
            if not point:
                self.trace.fold_peak(peak)  # a profile run's window on the trace keeps it
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
        now = self.now_bytes
        into = [(now, self.now_count)] if not grown else [(now, self.now_count), (self.best_bytes, self.best_count)]
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
        if self.step_count:
            self._steps(now, last, current, line)
        self._drain()
        if grown:
            state[_HIGH] = current
            state[_SNAP_LINE] = line
            state[_OTHER] = other
        state[_SNAPSHOTS] += 1
        self.seconds[1] += _perf_counter() - started

    def _steps(self, now, last, current, at_line):
        """Each step's bytes at this snapshot: those of the lines doing it. A
        line doing several (a helper called for each kind) counts for the
        ones the program's calls under way narrow it to (`build(SlottedPoint)`
        on the stack: the slotted points), else for each."""
        masks, count = self.masks, self.step_count
        step_now, step_top, step_most, step_line = self.step_now, self.step_top, self.step_most, self.step_line
        program_file = self.program_file
        under_way = 0
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == program_file:
                mask = masks[min(frame.f_lineno or 0, last)]  # None on 3.12+ between lines
                if mask:
                    under_way = (under_way & mask) or (mask if not under_way else under_way)
            frame = frame.f_back
        del frame
        for step in range(count):
            step_now[step] = 0
            step_top[step] = 0
        task = 0  # the bytes of the lines doing any step
        for line in range(1, last + 1):
            held = now[line]
            mask = masks[line]
            if not held or not mask:
                continue
            task += held
            mask = (mask & under_way) or mask
            for step in range(count):
                if mask >> step & 1:
                    step_now[step] += held
                    top = step_top[step]
                    if not top or held > now[top]:
                        step_top[step] = line
        for step in range(count):
            if step_now[step] > step_most[step]:
                step_most[step] = step_now[step]
                step_line[step] = step_top[step]
        state = self.state
        if self.task_only and task > state[_TASK_HIGH]:
            state[_TASK_HIGH], state[_TASK_CURRENT], state[_TASK_LINE] = task, current, at_line
            sizes, counts, now_count = self.task_bytes, self.task_count, self.now_count
            for line in range(last + 1):
                sizes[line] = now[line] if masks[line] else 0
                counts[line] = now_count[line] if masks[line] else 0

    def _drain(self):
        """A snapshot's tuples (and, on 3.14, its ints) are made while
        tracemalloc ignores its own work; freed, they go to CPython's free
        lists, and what the program makes next of the same kind comes from
        there, untraced, missing from its lines (2,000 4-tuples built after
        a snapshot: 80,184 B in the table against 224,456 B under plain
        tracemalloc, CPython 3.12.1). So they are taken back off the lists
        and held, untraced, until the next run: the first object that
        comes from the allocator (traced) ends each kind."""
        held, at = self.held, self.held_at
        traceback_of = _tracemalloc._get_object_traceback
        nones = _NONES
        for size in (4, 2, 1):
            while at[0] < _HELD:
                made = nones[:size]
                if traceback_of(made) is not None:
                    break
                held[at[0]] = made
                at[0] += 1
        if sys.version_info >= (3, 14):
            step = 0
            while at[0] < _HELD:
                step += 1
                made = _INT_BASE + step
                if traceback_of(made) is not None:
                    break
                held[at[0]] = made
                at[0] += 1

    # -- the result -----------------------------------------------------------

    def result(self):
        state = getattr(self, "state", None)
        if state is None or state[_HIGH] < 0:
            why = self.error or ("tracemalloc traced nothing while the program ran (it stopped the "
                                 "harness's trace and did not trace itself)")
            # Every key, as a measured run has them: the page reads each by
            # name and a missing one is an error there, not a silent 0.
            return {"available": False, "why": why, "peak_bytes": 0, "snapshot_bytes": 0, "snapshot_line": None,
                    "other_bytes": 0, "windows": 0, "lines": [], "timeline": [], "steps": [], "step_labels": [],
                    "samples": 0, "snapshots": 0, "sampling_ms": 0.0}
        end = state[_END] == 1
        task = self.task_only and state[_TASK_HIGH] > 0
        sizes, counts = (self.task_bytes, self.task_count) if task else (self.best_bytes, self.best_count)
        rows = [(lineno, sizes[lineno], counts[lineno]) for lineno in range(1, len(sizes)) if counts[lineno]]
        snapped = state[_TASK_LINE] if task else state[_SNAP_LINE]
        rows.sort(key=lambda r: (-r[1], r[0]))
        points = state[_POINTS]
        return {
            "available": True,
            "why": self.error,
            "peak_bytes": max(state[_PEAK], state[_HIGH]),
            "snapshot_bytes": state[_TASK_CURRENT] if task else state[_HIGH],
            "snapshot_line": snapped if snapped > 0 else None,
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
            # Each step's most: [the line holding most of it (0: none), bytes of
            # the lines doing it at one snapshot]; a profile run names them.
            "steps": [[self.step_line[i], self.step_most[i]] for i in range(self.step_count)],
            "step_labels": [],
        }

