"""Loading an exercise's check.py: `check` and `watch` record, in order,
the checks it defines and the callables it watches while its source runs;
`_load_checks` runs that source and hands both over, or the failed check to
report when it cannot be loaded.
"""
import builtins

from .figures import byte_values
from .patterns import _shorten
from .program import Program, fail
from .watching import _Watch

# The check every exercise's checks end with (build.rs adds it to the
# checks the page lists: content::BYTES_RULE, held equal by a native test).
BYTES_RULE = "every figure in bytes it prints is one it measured"


class _Registry:
    """The checks and watched callables of the check source being loaded, in order."""

    def __init__(self):
        self.checks = []
        self.watched = []
        self.task_values = []


_REGISTRY = _Registry()


def check(name: str, step: int = None):
    """Decorator: registers the function as a check called `name`, which
    verifies step `step` of the task (the page lists the checks under their
    steps; an exercise's content test requires the step)."""
    if step is not None and (type(step) is not int or step < 1):
        raise TypeError(f"@check({name!r}, step={step!r}): a step is a whole number from 1")

    def register(function):
        _REGISTRY.checks.append((name, function))
        return function

    return register


def task_figures(*texts: str):
    """At the top level of check.py: precise byte figures the task itself
    names ("1,024 bytes", "703 KiB"), which a program may print as typed (a
    threshold, the course's figure); every other precise byte figure it
    prints must be one it measured (BYTES_RULE; round sizes need no
    declaration)."""
    for text in texts:
        values = byte_values(text)
        if not values:
            raise ValueError(f"task_figures({text!r}): not a figure with a byte unit")
        _REGISTRY.task_values.extend(values)


def _bytes_rule(task_values):
    """BYTES_RULE's check, with the values in bytes of the task's own figures."""

    def every_byte_figure_measured(p):
        found = p.unmeasured_byte_figures(task_values)
        if found:
            shown = "; ".join(f"\"{figure}\" in \"{_shorten(line, 60)}\"" for line, figure in found[:3])
            more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
            fail(f"Your program printed byte figures it did not measure: {shown}{more}. Every figure in bytes "
                 "it prints must be what a measurement of its own code returned (`sys.getsizeof`, `tracemalloc`, "
                 "`struct.calcsize`, `ctypes.sizeof`, a file's size), or a sum, difference or ratio of such "
                 "figures, or one divided by a count or a unit: format that value into the line, not a number "
                 "typed in or scaled up from a smaller measurement.")

    return every_byte_figure_measured


def watch(target: str):
    """At the top level of check.py: record calls of `target` ("module.name",
    "module.Class.method" or "module.Class") while the program and the checks
    run. See "Watching what the program calls" in the package's docstring."""
    _REGISTRY.watched.append(target)


def _load_checks(check_source):
    """The check source's checks and watched callables, in order, the
    failed check to report if it could not be loaded, and the check source's
    module namespace: (checks, watches, failure, namespace)."""
    if check_source is None:
        return (), [], None, None
    del _REGISTRY.checks[:]
    del _REGISTRY.watched[:]
    del _REGISTRY.task_values[:]
    space = {"__name__": "heapwise_exercise_checks", "__builtins__": builtins,
             "check": check, "fail": fail, "Program": Program}
    try:
        exec(compile(check_source, "check.py", "exec", dont_inherit=True), space)
        watches = [_Watch(target) for target in dict.fromkeys(_REGISTRY.watched)]
        _REGISTRY.checks.append((BYTES_RULE, _bytes_rule(tuple(_REGISTRY.task_values))))
    except BaseException as exc:
        return (), [], {"name": "the exercise's checks",
                        "passed": False,
                        "message": f"The checks for this exercise could not be loaded ({type(exc).__name__}: {exc}). "
                                   "This is a fault in the exercise, not in your program."}, None
    finally:
        defined = tuple(_REGISTRY.checks)
        del _REGISTRY.checks[:]
        del _REGISTRY.watched[:]
        del _REGISTRY.task_values[:]
    return defined, watches, None, space
