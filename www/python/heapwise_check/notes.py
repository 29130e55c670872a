"""Notes on an ended run, for what it did that the student may not expect
(`_explain` after a judged run, `_explain_run` after any run, plain.py's
too): tracemalloc taken over by the program, a thread or input() the
browser cannot give, a recursion limit held or reached.
"""
from .stand_ins import BROWSER_RECURSION_LIMIT, IN_BROWSER, _HELD_LIMIT
from .tracing import _TRACE


def _explain(run, owner, profiled=False):
    """Notes on what the run did that the student may not expect (with a
    profile run to follow, the whole-program figure is that run's)."""
    if owner == "program" and not profiled:
        where = f" on line {_TRACE.handed_over_at}" if _TRACE.handed_over_at else ""
        run.notes.append(
            f"Your program starts tracemalloc itself{where}. The page's own tracing stops there, so "
            "that neither counts the other's work: from then on the figures are your tracing's, and "
            "this run has no figure for the whole program to chart beside the Rust variants.")
    _explain_run(run.error, run.notes)


def _explain_run(error, notes):
    """Notes on an ended program, judged or not (plain.py): its error in
    the browser's terms, a recursion limit held."""
    if error is not None and error["type"] == "RuntimeError" and IN_BROWSER \
            and "thread" in error["message"]:
        notes.append(
            "The browser's Python runs on a single thread: `threading.Thread.start()` raises "
            "RuntimeError here. Catch it and do the work without a thread (live-monitor's "
            "reference program samples from a profile hook instead), or run this part on a desktop.")
    if error is not None and error["type"] == "EOFError":
        notes.append(
            "Your program called input(), but a program run here has no keyboard: input() reads an "
            "empty input and raises EOFError. Put the values in the program itself.")
    if _HELD_LIMIT.asked is not None:
        notes.append(
            f"Your program asked for a recursion limit of {_HELD_LIMIT.asked:,}; in the browser, "
            f"Python's calls use the JavaScript stack, so the page holds the limit at "
            f"{BROWSER_RECURSION_LIMIT} (a deeper recursion would crash the runtime instead of "
            "raising RecursionError).")
        _HELD_LIMIT.asked = None
    if error is not None and error["type"] == "RecursionError" and IN_BROWSER:
        notes.append(
            f"In the browser, Python's calls use the JavaScript stack, which is much smaller "
            f"than a desktop's, so the page lowers the recursion limit to "
            f"{BROWSER_RECURSION_LIMIT} (desktop CPython's default is 1,000). Your program went "
            "deeper than that; a recursion that never ends hits any limit.")
