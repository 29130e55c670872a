"""Checks for object-overhead: is_cached really compares two ints made at
run time, traced_peak measures, as_array packs 64-bit ints without a list
in between, the measured sizes are printed, and the conclusion holds."""
import sys
import tracemalloc
from array import array

from heapwise_check import check, fail, number

N = 100_000


@check("is_cached(value) tells the shared small ints from fresh ones")
def _(p):
    is_cached = p.get("is_cached", callable)
    wrong = [value for value in (-5, 0, 100, 256) if is_cached(value) is not True]
    if wrong:
        fail(f"`is_cached({wrong[0]})` did not return True, yet CPython hands out one shared object for "
             "every int from -5 to 256. Build each int from text at run time (`int(str(value))`) and "
             "compare the two with `is`.")
    wrong = [value for value in (-6, 257, 1000, 10**6) if is_cached(value) is not False]
    if wrong:
        fail(f"`is_cached({wrong[0]})` did not return False. Comparing `value` with itself, or two "
             "copies of one name, is always True: it is one object. Make two separate ints equal to "
             "`value` (`int(str(value))` twice) and compare those.")


@check("traced_peak(build) returns the peak while build()'s result is alive")
def _(p):
    traced_peak = p.get("traced_peak", callable)
    peak = traced_peak(lambda: bytearray(1_000_000))
    if tracemalloc.is_tracing():
        fail("tracemalloc is still tracing after `traced_peak` returned: stop it once you have the peak.")
    if not isinstance(peak, int) or not 1_000_000 <= peak < 1_100_000:
        fail(f"With a `build` that returns a 1,000,000-byte bytearray, `traced_peak` returned {peak!r}: "
             "start tracemalloc, call `build()` and keep its result, then return "
             "`tracemalloc.get_traced_memory()[1]` before stopping.")


@check("as_array(n) packs n ints as 64-bit values, straight from the range")
def _(p):
    as_array = p.get("as_array", callable)
    small = as_array(1_000)
    if not isinstance(small, array):
        fail(f"`as_array(1000)` returned {type(small).__name__}, not an `array.array`: use "
             "`array(\"q\", ...)` so the ints are stored as raw 64-bit values.")
    if small.typecode not in "ql" or small.itemsize != 8:
        fail(f"`as_array` uses type code {small.typecode!r} ({small.itemsize} bytes an item); the task asks "
             "for signed 64-bit ints, type code \"q\".")
    if list(small) != list(range(1_000)):
        fail("`as_array(1000)` does not hold the ints 0 to 999 in order.")
    packed = p.peak(f"as_array({N:,})", lambda: as_array(N))
    listed = p.peak(f"list of {N:,} int objects", lambda: list(range(N)))
    if packed > 10 * N + 65_536:
        fail(f"Building `as_array({N:,})` peaked at {packed:,} bytes, far more than 8 bytes an int: pass "
             "the range itself to `array`, not a list built from it.")
    return f"{packed:,} bytes for the array, {listed:,} for the list of int objects (measured here)."


@check("the program prints the sizes it measured, empty dict included")
def _(p):
    header = sys.getsizeof(object())
    p.printed(rf"object\(\).*{number(header)}",
              f"Print `sys.getsizeof(object())` ({header} here): it is the header every object starts with.")
    empty = sys.getsizeof({})
    p.printed(rf"\{{\}}\D*{number(empty)}",
              f"Print `sys.getsizeof({{}})` on a line that shows `{{}}` and the size ({empty} here), "
              "so you can compare it with the course's figure.")


@check("the last line says the packed array is smaller, as measured")
def _(p):
    said = p.expect_last_line(r"a packed array holds ints in less memory than a list: (True|False)",
                              "a packed array holds ints in less memory than a list: True")
    p.printed(r"list.*\d{1,3}(,\d{3})+|list.*\d{6,}",
              "Print the peak of the list of ints (in bytes) before the conclusion.")
    p.printed(r"array.*\d{1,3}(,\d{3})+|array.*\d{6,}",
              "Print the peak of the packed array (in bytes) before the conclusion.")
    if said.group(1) != "True":
        fail("Your program concluded False, but the array holds the same ints in far less memory. "
             "Compare the two peaks the right way round: `array_peak < list_peak`.")
