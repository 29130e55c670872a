"""Checks for array-vs-list: a traced_peak helper that measures, typed
arrays built straight from a generator, the itemsize table, the overflow,
and the conclusion, which is a fact on every interpreter."""
import re
import tracemalloc
from array import array

from heapwise_check import check, fail, number

N = 100_000


@check("traced_peak(build) returns (what build() made, its traced peak)")
def _(p):
    traced_peak = p.get("traced_peak", callable)
    made = traced_peak(lambda: [0.5] * N)
    if tracemalloc.is_tracing():
        fail("tracemalloc is still tracing after `traced_peak` returned: stop it once you have the peak.")
    if not (isinstance(made, tuple) and len(made) == 2):
        fail(f"`traced_peak` returned {made!r}; it should return a pair: (what `build()` made, peak bytes).")
    built, peak = made
    if not (isinstance(built, list) and len(built) == N):
        fail("The first item `traced_peak` returns should be what `build()` returned; it is not.")
    if not isinstance(peak, int) or peak < N * 4:
        fail(f"For a list of {N:,} slots, `traced_peak` reported a peak of {peak!r} bytes: start "
             "`tracemalloc` before calling `build()` and return `get_traced_memory()[1]`.")


@check("the readings are also kept as array('d'), array('f') and array('h'), each with its peak")
def _(p):
    for code in "dfh":
        p.printed(rf"""['"]{code}['"].*peak|peak.*['"]{code}['"]""",
                  f"Step 2 asks for the peak of the readings as `array('{code}')`; no printed line "
                  f"names `'{code}'` together with a peak.")


@check("the arrays are built straight from a generator, with no list in between")
def _(p):
    for number_, text in enumerate(p.source.splitlines(), start=1):
        if re.search(r"""array\(\s*[^,()]+,\s*(\[[^\]]*\bfor\b|list\()""", text):
            fail(f"Line {number_} builds an array from a list, which holds every reading as an object "
                 "first. Pass a generator expression instead: `array(\"h\", (elevation(i) for i in range(n)))`.")


@check("the itemsize of every type code in bBhHiIlqfd is printed")
def _(p):
    for code in "bBhHiIlqfd":
        size = array(code).itemsize
        p.printed(rf"""['"]{code}['"]\D*{number(size)}""",
                  f"Step 3: no printed line gives `array('{code}').itemsize` ({size} here). Print one line "
                  f"per code, such as `'{code}': {size}`.")


@check("array('h', [40_000]) is shown to overflow")
def _(p):
    p.printed(r"OverflowError|greater than maximum",
              "Step 5 asks what happens with `array('h', [40_000])`: catch the `OverflowError` and print it.")


@check("the last line says every layout held the same readings and array('h') was smallest: True")
def _(p):
    said = p.expect_last_line(r"same readings in every layout, array\('h'\) smallest: (True|False)",
                              "same readings in every layout, array('h') smallest: True")
    elevation = p.get("elevation", callable)
    as_list = p.peak("list of 100,000 floats", lambda: [float(elevation(i)) for i in range(N)])
    packed = p.peak("array('h') of 100,000", lambda: array("h", (elevation(i) for i in range(N))))
    if said.group(1) != "True" and packed < as_list:
        fail(f"Your program concluded False, but array('h') holds the readings exactly in {packed:,} bytes "
             f"at its peak against {as_list:,} for the list (measured here). Compare each array with "
             "the list (`list(packed) == readings`) and the peaks.")
