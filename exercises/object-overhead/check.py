"""Checks for object-overhead. The program's functions are called with the
check's own inputs: `is_cached` on values in and out of the small-int
cache (and its code must compare identity), `traced_peak` on builds of a
known size, `as_array` on other lengths. The sizes and peaks the program
prints are compared with what the check measures itself on the same
interpreter, never with figures typed into the check, and the conclusion
with the check's own comparison. That the program measures sizes with
`sys.getsizeof` and peaks with tracemalloc is observed through watched
calls, so typed-in output does not pass."""
import dis
import re
import tracemalloc
import types
from array import array
from sys import getsizeof as real_getsizeof  # imported before the recorders go in

from heapwise_check import check, fail, loose, watch

watch("sys.getsizeof")
watch("tracemalloc.start")

N = 1_000_000
MEMO = {}
CONCLUSION = "a packed array holds ints in less memory than a list"

# Step 1, in the task's order: what the program prints and what the check measures.
SAMPLES = [("object()", object()), ("1", 1), ("2**30", 2 ** 30), ("2**60", 2 ** 60), ("1.0", 1.0),
           ("True", True), ("None", None), ("''", ""), ("'a'", "a"), ("[]", []), ("()", ()), ("{}", {}),
           ("set()", set())]


def peaks(p):
    """(list peak, array peak) of as_list(1_000_000) and as_array(1_000_000), measured here once."""
    if "peaks" not in MEMO:
        as_list, as_array = p.get("as_list", callable), p.get("as_array", callable)
        listed = p.peak(f"as_list({N:,})", lambda: as_list(N))
        packed = p.peak(f"as_array({N:,})", lambda: as_array(N))
        MEMO["peaks"] = (listed, packed)
    return MEMO["peaks"]


def whole_numbers(p):
    """Every whole number the program printed, in order (not the parts of 3.11 or 1.0)."""
    return [int(n) for n in re.findall(r"(?<![\w.])\d+(?!\w|\.\d)", p.stdout)]


def verdict_near(line, found):
    """The True or False a line gives for the number `found` (a match in it):
    the first one after it, else the last one before it; None if there is none."""
    after = re.search(r"\b(True|False)\b", line[found.end():], re.IGNORECASE)
    before = re.findall(r"\b(True|False)\b", line[:found.start()], re.IGNORECASE)
    word = after.group(1) if after else (before[-1] if before else None)
    return None if word is None else word.lower() == "true"


def compares_identity(function, names, depth=0):
    """Whether the function's code tests identity (`is`, `is not` or `id(...)`),
    itself, in a function nested in it, or in a program function it calls."""
    code = getattr(function, "__code__", function)
    if not isinstance(code, types.CodeType):
        return True  # not plain Python code: nothing to look into
    for instruction in dis.get_instructions(code):
        if instruction.opname == "IS_OP" or (instruction.opname == "COMPARE_OP"
                                             and instruction.argval in ("is", "is not")):
            return True
    if "id" in code.co_names:
        return True
    inner = [const for const in code.co_consts if isinstance(const, types.CodeType)]
    called = [names[name] for name in code.co_names
              if isinstance(names.get(name), types.FunctionType) and depth < 2]
    return any(compares_identity(other, names, depth + 1) for other in inner + called)


@check("`is_cached(value)` tells the shared small ints from fresh ones")
def _(p):
    is_cached = p.get("is_cached", callable)
    wrong = [value for value in (-5, 0, 100, 256) if is_cached(value) is not True]
    if wrong:
        fail(f"`is_cached({wrong[0]})` did not return True, yet CPython hands out one shared object for "
             "every int from -5 to 256. Build each int from text at run time (`int(str(value))`) and "
             "compare the two with `is`.")
    wrong = [value for value in (-6, 257, 1000, 10 ** 6) if is_cached(value) is not False]
    if wrong:
        fail(f"`is_cached({wrong[0]})` did not return False. Comparing `value` with itself, or two "
             "copies of one name, is always True: it is one object. Make two separate ints equal to "
             "`value` (`int(str(value))` twice) and compare those.")
    if not compares_identity(is_cached, p.names):
        fail("`is_cached` gives the right answers without asking Python whether the two ints are one object: "
             "make two ints equal to `value` and return `first is second`, instead of testing the range -5 "
             "to 256 yourself.")


@check("the program prints `is_cached` for -6, -5, 256 and 257")
def _(p):
    for value in (-6, -5, 256, 257):
        truth = int(str(value)) is int(str(value))
        number = re.compile(r"(?<![\w.\-−])" + re.escape(str(value)) + r"(?![\d.]|,\d)")
        said = [verdict for line in p.lines for found in number.finditer(line)
                for verdict in [verdict_near(line, found)] if verdict is not None]
        if not said:
            fail(f"Step 2: print a line with {value} and what `is_cached({value})` returns (True or False); "
                 "no printed line shows both.")
        if truth not in said:
            fail(f"Your program prints {said[-1]} for `is_cached({value})`, but {value} is "
                 f"{'inside' if truth else 'outside'} the small-int cache (-5 to 256), so it should be {truth}.")


@check("`traced_peak(build)` returns the peak traced while `build()` runs")
def _(p):
    traced_peak = p.get("traced_peak", callable)
    for what, build, low in (
            ("returns a 1,000,000-byte bytearray", lambda: bytearray(1_000_000), 1_000_000),
            ("makes a 2,000,000-byte bytearray and returns only its length", lambda: len(bytearray(2_000_000)),
             2_000_000)):
        peak = traced_peak(build)
        if tracemalloc.is_tracing():
            fail("tracemalloc is still tracing after `traced_peak` returned: stop it once you have read the peak.")
        if isinstance(peak, bool) or not isinstance(peak, (int, float)) or not low <= peak < low + 100_000:
            fail(f"With a `build` that {what}, `traced_peak` returned {peak!r}; it should be about {low:,}. "
                 "Start tracemalloc, call `build()` and keep its result, read the peak "
                 "(`tracemalloc.get_traced_memory()[1]`), then stop tracing and return the peak.")


@check("`as_array(n)` holds the ints 0 to n - 1 as 64-bit values, without a list of int objects on the way")
def _(p):
    as_array = p.get("as_array", callable)
    for n in (0, 1, 1_000):
        made = as_array(n)
        if not isinstance(made, array):
            fail(f"`as_array({n})` returned {type(made).__name__}, not an `array.array`: use "
                 "`array(\"q\", ...)` so the ints are stored as raw 64-bit values.")
        if made.typecode not in "ql" or made.itemsize != 8:
            fail(f"`as_array` uses type code {made.typecode!r} ({made.itemsize} bytes an item); the task asks "
                 "for signed 64-bit ints, type code \"q\".")
        if list(made) != list(range(n)):
            fail(f"`as_array({n})` does not hold the ints 0 to {n - 1} in order.")
    _, packed = peaks(p)
    if packed > 10 * N + 65_536:
        fail(f"Measured here, building `as_array({N:,})` peaked at {packed:,} bytes, far more than 8 bytes an "
             "int: a list of int objects is built on the way. Pass the range itself to `array`: "
             "`array(\"q\", range(n))`.")


@check("the program prints `sys.getsizeof` of `object()` and of each value of step 1, in order")
def _(p):
    asked = p.calls("sys.getsizeof").program_count
    if asked < len(SAMPLES):
        fail(f"Measure each size with `sys.getsizeof`: step 1 asks for {len(SAMPLES)} of them, and your program "
             f"called `sys.getsizeof` {asked} time(s).")
    printed = whole_numbers(p)
    at = 0
    for position, (text, value) in enumerate(SAMPLES):
        size = real_getsizeof(value)
        try:
            at = printed.index(size, at) + 1
        except ValueError:
            after = f", after the size of `{SAMPLES[position - 1][0]}`," if position else ""
            fail(f"Measured here, `sys.getsizeof({text})` is {size}, and your program does not print {size}"
                 f"{after} where step 1 puts it. Print the sizes one per line, in the task's order.")


@check("the program measures the two peaks with tracemalloc and prints them, near what the check measures")
def _(p):
    if p.calls("tracemalloc.start").program_count == 0:
        fail("Your program never starts tracemalloc: measure `as_list(1_000_000)` and `as_array(1_000_000)` "
             "with `traced_peak` and print both peaks.")
    listed, packed = peaks(p)
    sizes = p.sizes()
    for what, wanted in ((f"the list (`as_list({N:_})`)", listed), (f"the array (`as_array({N:_})`)", packed)):
        if not any(abs(size - wanted) <= 0.25 * wanted for size in sizes):
            fail(f"Measured here, {what} peaks at about {wanted:,} bytes, and no figure your program printed is "
                 "near that. Print the peak `traced_peak` returns for it.")


@check("the program ends by saying whether a packed array holds ints in less memory than a list, as measured")
def _(p):
    said = p.conclusion(CONCLUSION, f"{CONCLUSION}: True")
    listed, packed = peaks(p)
    if said != (packed < listed):
        fail(f"Your program concludes {said}, but measured here the array peaked at {packed:,} bytes and the "
             f"list at {listed:,}. Compare the two peaks the right way round: `array_peak < list_peak`.")
    if not re.search(loose(CONCLUSION), p.last_line):
        fail(f"Make the line \"{CONCLUSION}: ...\" the last line your program prints, as the task asks.")
