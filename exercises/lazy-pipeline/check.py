"""Checks for lazy-pipeline: lazy_total gives eager_total's answer while
records flow through one at a time, traced measures, and the program
asserts the 5x claim."""
import ast
import tracemalloc

from heapwise_check import check, fail


@check("lazy_total(n) equals eager_total(n)")
def _(p):
    lazy_total, eager_total = p.get("lazy_total", callable), p.get("eager_total", callable)
    for n in (0, 1, 7, 1_000):
        want, got = eager_total(n), lazy_total(n)
        if got != want:
            fail(f"`lazy_total({n:,})` returned {got!r}; `eager_total({n:,})` gives {want!r}.")


@check("lazy_total materialises no stage: its peak stays tiny (measured here)")
def _(p):
    lazy_total, eager_total = p.get("lazy_total", callable), p.get("eager_total", callable)
    eager = p.peak("eager_total(20,000)", lambda: eager_total(20_000))
    lazy = p.peak("lazy_total(20,000)", lambda: lazy_total(20_000))
    if lazy > 16_384 or lazy * 5 > eager:
        fail(f"Measured here, `lazy_total(20_000)` peaked at {lazy:,} bytes and `eager_total(20_000)` at "
             f"{eager:,}: a stage still builds a list. Make each stage a generator expression fed by "
             "the one before, and sum the last.")
    return f"{lazy:,} bytes, against {eager:,} eagerly."


@check("traced(function, n) returns (function(n), traced peak)")
def _(p):
    traced = p.get("traced", callable)
    made = traced(lambda n: len(bytearray(n)), 1_000_000)
    if tracemalloc.is_tracing():
        fail("tracemalloc is still tracing after `traced` returned: stop it once you have the peak.")
    if not (isinstance(made, tuple) and len(made) == 2) or made[0] != 1_000_000:
        fail(f"`traced(function, n)` returned {made!r}; it should return (function(n), peak bytes).")
    if not isinstance(made[1], int) or not 1_000_000 <= made[1] < 1_200_000:
        fail(f"For a function that briefly makes a 1,000,000-byte bytearray, `traced` reported a peak of "
             f"{made[1]!r}: start tracing before calling it and return `get_traced_memory()[1]`.")


@check("the program asserts that the lazy peak is at least 5x smaller")
def _(p):
    if not any(isinstance(node, ast.Assert) for node in ast.walk(ast.parse(p.source))):
        fail("Step 3 asks you to `assert` that the lazy peak is at least five times smaller; your "
             "program has no `assert` statement.")


@check("the last line says the lazy peak is at least 5x smaller: True")
def _(p):
    said = p.expect_last_line(r"lazy peak is at least 5x smaller: (True|False)",
                              "lazy peak is at least 5x smaller: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but the lazy pipeline's peak is thousands of times smaller. "
             "Compare `lazy_peak * 5 <= eager_peak`.")
