"""Loading an exercise's check.py: `check` and `watch` record, in order,
the checks it defines and the callables it watches while its source runs;
`_load_checks` runs that source and hands both over, or the failed check to
report when it cannot be loaded.
"""
import builtins

from .program import Program, fail
from .watching import _Watch


class _Registry:
    """The checks and watched callables of the check source being loaded, in order."""

    def __init__(self):
        self.checks = []
        self.watched = []


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
    space = {"__name__": "heapwise_exercise_checks", "__builtins__": builtins,
             "check": check, "fail": fail, "Program": Program}
    try:
        exec(compile(check_source, "check.py", "exec", dont_inherit=True), space)
        watches = [_Watch(target) for target in dict.fromkeys(_REGISTRY.watched)]
    except BaseException as exc:
        return (), [], {"name": "the exercise's checks",
                        "passed": False,
                        "message": f"The checks for this exercise could not be loaded ({type(exc).__name__}: {exc}). "
                                   "This is a fault in the exercise, not in your program."}, None
    finally:
        defined = tuple(_REGISTRY.checks)
        del _REGISTRY.checks[:]
        del _REGISTRY.watched[:]
    return defined, watches, None, space
