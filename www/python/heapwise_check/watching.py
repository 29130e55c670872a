"""Watching what the program calls: `watch("sys.intern")` in check.py.

Before the program runs, each watched callable (a module's function, a
class's method, or a class) is replaced by a recorder that counts its calls
and passes them on, and is put back after the checks; `p.calls(target)` and
`p.counting(target)` read what it saw. The package's docstring says what a
recorder costs and what not to watch.

`_RUN` is the run in progress as the recorders and `Program.calls` see it:
which phase it is in, the program's file and the watches by target.
"""
import functools
import sys
import tracemalloc

from .tracing import _PROGRAM_VIEW


class _Calls:
    """What a watched callable saw: see "Watching what the program calls" in
    the package's docstring."""

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
