# Appended to an exercise's check.py by the test runners, never by the page:
# a wrong program is judged by the checks its `# fails:` lines name, not by
# all of them (exercise_rules.py, on CPython and Pyodide). The runner puts one
# line in front of this text, `_HEAPWISE_NAMED = [...]`, the names as a JSON
# list (which Python reads as a list of strings).
#
# Why: a wrong program's test asks that it is refused, by those checks. A
# check it does not name can only add a failure, never take one away: the
# checks are independent (each exercise's MEMO only keeps what a re-run gave,
# whichever check asks first), and the page, which runs every check, refuses
# the program when one of them fails. Running the others cost about a third
# of the programs' runs in six heavy exercises (2,672 s against 1,770 s on
# CPython, a loaded machine; array-vs-list 476 s against 199 s), which CI's
# 90 minutes could no longer hold. Correct programs, references and starters run every check.
# The harness's byte rule is added after check.py has run, so it is always
# judged.
import heapwise_check.loading as _heapwise_loading

_heapwise_loading._REGISTRY.checks[:] = [
    (name, function) for name, function in _heapwise_loading._REGISTRY.checks if name in _HEAPWISE_NAMED  # noqa: F821
]
del _heapwise_loading
