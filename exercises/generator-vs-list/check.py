"""Checks for generator-vs-list: total_from_generator gives the list's
total without building a list, traced_peak measures, and the program shows
how a generator behaves once used."""
import tracemalloc

from heapwise_check import check, fail


@check("total_from_generator(n) gives the same total as total_from_list(n)")
def _(p):
    from_generator = p.get("total_from_generator", callable)
    for n in (0, 1, 10, 1_000, 12_345):
        want = sum(k * k for k in range(n))
        got = from_generator(n)
        if got != want:
            fail(f"`total_from_generator({n:,})` returned {got!r}; the sum of k * k for k in range({n:,}) "
                 f"is {want:,}.")


@check("total_from_generator builds no list: its peak stays tiny (measured here)")
def _(p):
    from_list = p.get("total_from_list", callable)
    from_generator = p.get("total_from_generator", callable)
    n = 200_000
    list_peak = p.peak("total_from_list(200,000)", lambda: from_list(n))
    generator_peak = p.peak("total_from_generator(200,000)", lambda: from_generator(n))
    if generator_peak > 16_384 or generator_peak * 100 > list_peak:
        fail(f"Measured here, `total_from_generator(200_000)` peaked at {generator_peak:,} bytes and "
             f"`total_from_list(200_000)` at {list_peak:,}: the generator version still holds many "
             "squares at once. Pass a generator expression to sum: `sum(k * k for k in range(n))`.")
    return f"{generator_peak:,} bytes, against {list_peak:,} for the list."


@check("traced_peak(compute) returns (result, traced peak)")
def _(p):
    traced_peak = p.get("traced_peak", callable)
    made = traced_peak(lambda: len(bytearray(1_000_000)))
    if tracemalloc.is_tracing():
        fail("tracemalloc is still tracing after `traced_peak` returned: stop it once you have the peak.")
    if not (isinstance(made, tuple) and len(made) == 2):
        fail(f"`traced_peak` returned {made!r}; it should return a pair: (what `compute()` returned, peak bytes).")
    result, peak = made
    if result != 1_000_000:
        fail("The first item `traced_peak` returns should be `compute()`'s result; it is not.")
    if not isinstance(peak, int) or not 1_000_000 <= peak < 1_200_000:
        fail(f"For a computation that briefly makes a 1,000,000-byte bytearray, `traced_peak` reported "
             f"{peak!r} bytes: start tracing before `compute()` and return `get_traced_memory()[1]`.")


@check("the program shows that len() does not work on a generator")
def _(p):
    p.printed(r"has no len|TypeError",
              "Step 4 asks you to try `len()` on a generator expression: catch the `TypeError` and print it.")


@check("the last line says same total, smaller peak with the generator: True")
def _(p):
    said = p.expect_last_line(r"same total, smaller peak with the generator: (True|False)",
                              "same total, smaller peak with the generator: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but both totals agree and the generator's peak is far "
             "lower. Compare `list_total == generator_total and generator_peak < list_peak`.")
