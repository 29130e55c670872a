"""Checks for generator-vs-list. Both functions are called with sizes of
the check's own and their totals compared with the formula; both are
traced here for 500,000 squares, and the program's printed totals, peaks,
list size and items' sizes and its conclusion are compared with what the
check measured. How the program traces (a helper or not) is its own
affair; a printed peak counts only as the program's own tracemalloc
returned it, a printed size only as its own `sys.getsizeof` did
(provenance), whatever the wording of its line; a pointer's size printed in
bytes only as a measurement returned it. The second sum must be of the
generator summed before: a re-run's `sum` adds 737,373 more to it."""
import re
import struct
import sys
import types
from collections import Counter

from heapwise_check import check, fail, number

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the list", r"\btotal_from_list\b"),
    ("the generator", r"\btotal_from_generator\b"),
)

N = 500_000
TOTAL = (N - 1) * N * (2 * N - 1) // 6
PHRASE = "same total, smaller peak with the generator"
MEMO = {}
# Added to every sum() in the re-run that checks step 4's two sums, and
# AGAIN more to a second sum of the same iterator: the second sum of a
# used-up generator then prints OFFSET + AGAIN, not 0.
OFFSET = 424_242
AGAIN = 737_373


def list_plus_one(p):
    """The program run again with a total_from_list that returns one more
    (or None): its list total and its conclusion must follow."""
    return p.rerun("list total + 1", "total_from_list", lambda real: lambda *a, **k: real(*a, **k) + 1)


def generator_plus_one(p):
    """The program run again with a total_from_generator that returns one
    more: its generator total and its conclusion must follow."""
    return p.rerun("generator total + 1", "total_from_generator", lambda real: lambda *a, **k: real(*a, **k) + 1)


def heavy_generator_run(p):
    """The program run again with a total_from_generator that holds, while it
    sums N squares or more, a block half as large again as the list version's peak (so the
    generator's peak is the higher one) and a `sys.getsizeof` that counts one
    byte more for every int (so the items' sizes added together grow by one
    byte an item). Neither changes what the other moves: the conclusion, and
    the sum of the items' sizes."""
    block = int(peaks(p)[1] * 1.5)

    def holding(real):
        def total_from_generator(*args, **kwargs):
            # Only while summing the task's N squares (or more): a peak traced
            # on fewer, and shown as the N's, does not grow.
            n = args[0] if args else kwargs.get("n", N)
            held = bytearray(block if not isinstance(n, int) or n >= N else 0)
            try:
                return real(*args, **kwargs)
            finally:
                del held
        return total_from_generator

    def one_more_for_ints(real):
        def getsizeof(obj, *default):
            size = real(obj, *default)
            return size + 1 if type(obj) is int else size
        return getsizeof
    return p.rerun("generator holds a block, getsizeof + 1 an int", "total_from_generator", holding,
                   modules={"sys": {"getsizeof": one_more_for_ints}})


def whole_numbers(text):
    """The whole numbers printed in `text` (1,234 or 1234; not the parts of 19.2), counted."""
    return Counter(int(found.replace(",", ""))
                   for found in re.findall(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d]|[.,]\d)", text))


class GeneratorLenError(TypeError):
    """What `len()` of a generator raises in offset_sums' run."""


LEN_AGAIN = "asked again by the check"


def offset_sums(p):
    """The program run again with a sum() that adds OFFSET to what it
    returns, and AGAIN more for an iterator it was given before (the second
    sum of one generator object is then printed as OFFSET + AGAIN, a 0 got
    some other way is not), and a len() whose error for a generator has
    another name and words (GeneratorLenError, LEN_AGAIN): an error the
    program caught and printed changes with them, a typed one does not."""
    given = []

    def shifted_sum(*args, **kwargs):
        iterator = args[0] if args else None
        again = any(iterator is seen for seen in given)
        if not again and iterator is not None and iter(iterator) is iterator:
            given.append(iterator)
        result = sum(*args, **kwargs)
        return result + OFFSET + (AGAIN if again else 0) if isinstance(result, int) else result

    def len_again(obj):
        if isinstance(obj, types.GeneratorType):
            raise GeneratorLenError(f"object of type 'generator' has no len() ({LEN_AGAIN})")
        return len(obj)
    return p.rerun("sum + offset", names={"sum": shifted_sum, "len": len_again})


def peaks(p):
    """(list total, list peak, generator total, generator peak) for 500,000, traced here once."""
    if "peaks" not in MEMO:
        from_list = p.get("total_from_list", callable)
        from_generator = p.get("total_from_generator", callable)
        list_total, list_peak = p.measure(f"total_from_list({N:,})", lambda: from_list(N))
        generator_total, generator_peak = p.measure(f"total_from_generator({N:,})", lambda: from_generator(N))
        MEMO["peaks"] = list_total, list_peak, generator_total, generator_peak
    return MEMO["peaks"]


def items_size():
    """The bytes of the N int objects k * k added together (`sys.getsizeof`), counted once."""
    if "items" not in MEMO:
        MEMO["items"] = sum(sys.getsizeof(k * k) for k in range(N))
    return MEMO["items"]


def near(sizes, wanted, rel):
    return any(abs(size - wanted) <= rel * wanted for size in sizes)


@check("`total_from_list(n)` and `total_from_generator(n)` give the sum of k * k for k below n", step=1)
def _(p):
    for name in ("total_from_list", "total_from_generator"):
        function = p.get(name, callable)
        for n in (0, 1, 10, 1_000, 12_345):
            want = sum(k * k for k in range(n))
            got = function(n)
            if got != want:
                fail(f"`{name}({n:,})` returned {got!r}; the sum of k * k for k in range({n:,}) is {want:,}.")


@check("`total_from_generator` builds no list: its peak stays tiny beside the list's (measured here)", step=1)
def _(p):
    _, list_peak, _, generator_peak = peaks(p)
    if generator_peak > 16_384 or generator_peak * 100 > list_peak:
        fail(f"Measured here, `total_from_generator({N:,})` peaked at {generator_peak:,} bytes and "
             f"`total_from_list({N:,})` at {list_peak:,}: the generator version still holds many "
             "squares at once. Pass a generator expression to sum: `sum(k * k for k in range(n))`.")
    if list_peak < N * 8 // 2:
        fail(f"Measured here, `total_from_list({N:,})` peaked at only {list_peak:,} bytes: it should build "
             "the list of all the squares first, as described, and then add them up.")
    return f"{generator_peak:,} bytes, against {list_peak:,} for the list."


@check("the program traces each function for 500,000 and prints both totals and both peaks", step=2)
def _(p):
    list_total, list_peak, _, generator_peak = peaks(p)
    found = [m for m in re.finditer(number(TOTAL), p.stdout)]
    if len(found) < 2 and not re.search(r"(?i)\b(both|totals?)\b.*\b(same|equal|agree)", p.stdout):
        fail(f"Print both totals: each function gives {TOTAL:,} for n = {N:,}.")
    if found:
        run = list_plus_one(p)
        for run, which in ((list_plus_one(p), "total_from_list"), (generator_plus_one(p), "total_from_generator")):
            if run is not None and not re.search(number(TOTAL + 1), run.text):
                fail(f"Run again here with a `{which}` that returns one more, your program still prints "
                     f"{TOTAL:,} and never {TOTAL + 1:,}: the totals were typed in. Print what each function "
                     "returned.")
    measured, printed = p.sizes(measured="peak"), p.sizes()
    typed = (": the figure printed near it is not one your program's own tracemalloc returned (print the peak "
             "`tracemalloc.get_traced_memory()[1]` gives, not a number typed in, scaled from a smaller run, "
             "added up from `sys.getsizeof` or the current traced size, `[0]`)")
    if not near(measured, list_peak, 0.1):
        fail(f"Measured here, `total_from_list({N:,})` peaks at about {list_peak:,} bytes, and no peak your "
             "program measured and printed is near that" + (typed if near(printed, list_peak, 0.1) else
                                                             ". Trace the call on its own and print its peak") + ".")
    # The generator's peak is a few hundred bytes of frames, which move with
    # what ran before: a measured figure within a factor of 2 below or 4 above.
    if not any(0.5 <= size / generator_peak <= 4 for size in measured if generator_peak):
        fail(f"Measured here, `total_from_generator({N:,})` peaks at about {generator_peak:,} bytes, and no peak "
             "your program measured and printed is near that" +
             (typed if any(0.5 <= size / generator_peak <= 4 for size in printed if generator_peak) else
              ". Trace the call on its own (start tracing just before it, stop after reading the peak) and "
              "print its peak") + ".")
    return f"{list_peak:,} and {generator_peak:,} bytes measured here."


@check("the program prints `sys.getsizeof` of the list and its items' sizes added together", step=3)
def _(p):
    whole = sys.getsizeof([None for _ in range(N)])  # a comprehension's list: the same slots as the squares'
    exact = sys.getsizeof([None] * N)  # a list made at its final length, as list(range(n)) is
    items = items_size()
    sizes, printed = p.sizes(measured=True), p.sizes()
    typed = (", and the figure printed near it is not one your program's own `sys.getsizeof` returned: print "
             "what it returns (summed for the items), not a number typed in")
    if not (near(sizes, whole, 0.02) or near(sizes, exact, 0.02)):
        fail(f"Step 3: `sys.getsizeof` of the list of {N:,} squares is {whole:,} bytes here, and your program "
             "never prints that figure as measured" +
             (typed if near(printed, whole, 0.02) or near(printed, exact, 0.02) else "") + ".")
    if not near(sizes, items, 0.01):
        fail(f"Step 3: the {N:,} int objects in the list add up to {items:,} bytes here "
             "(`sum(map(sys.getsizeof, squares))`), and your program never prints that figure as measured" +
             (typed if near(printed, items, 0.01) else "") + ".")
    # The items' sizes added together, not a figure that comes out near them
    # (the list's peak less its own size): run again with a `sys.getsizeof`
    # that counts one byte more for every int, the sum grows by N.
    run = heavy_generator_run(p)
    if run is not None and not near(p.sizes(lines=run.lines), items + N, 0.002):
        fail(f"Step 3: run again here with a `sys.getsizeof` that counts one byte more for every int, no figure "
             f"your program printed grew to {items + N:,}: add up `sys.getsizeof` of each of the list's items "
             "(`sum(map(sys.getsizeof, squares))`), not a figure worked out another way.")


# A figure in bytes as a program prints it, for the pointer check below: the
# number and its unit.
BYTE_FIGURE = re.compile(r"(?<![\w.,])(\d+)\s*(?:bytes?|B)\b")


@check("a pointer's size, where the program prints one, is what `struct.calcsize` (or another measurement) gave", step=3)
def _(p):
    # The task asks for the list's `sys.getsizeof` and its items' sizes; a
    # program that also prints what one slot costs (as the reference does)
    # must print what a measurement returned. BYTES_RULE lets a round size
    # such as "8 bytes" through, so a figure of exactly a pointer's size is
    # read here: printed in bytes, it must be marked as measured.
    pointer = struct.calcsize("P")
    for line in p.lines:
        for match in BYTE_FIGURE.finditer(line):
            if int(match.group(1)) == pointer and not p.measured(match):
                fail(f"Your program printed \"{match.group(0)}\" (on the line \"{line.strip()[:120]}\"), a "
                     "pointer's size typed in. Print what `struct.calcsize('P')` returns (or what "
                     "`sys.getsizeof` measured), not the number.")


@check("the program sums one generator object twice and prints both sums", step=4)
def _(p):
    if not re.search(r"(?<![\d.,])0(?![\d]|[.,]\d)", p.stdout):
        fail("Step 4: sum the same generator object twice and print both results: the second sum finds the "
             "generator used up and gives 0, and no number your program printed is 0.")
    run = offset_sums(p)
    second = OFFSET + AGAIN

    def printed(n):
        return re.search(rf"(?<![\d.,]){number(n)}(?![\d]|[.,]\d)", run.text)
    if run is not None and not printed(second):
        if printed(OFFSET):
            fail(f"Run again here with a `sum` that adds {OFFSET:,} to its result, and {AGAIN:,} more when it is "
                 f"given a generator it was given before, your program printed {OFFSET:,} but never {second:,}: "
                 "its second sum was not of the generator object it had already summed. Sum the same generator "
                 "object twice and print both results.")
        fail(f"Run again here with a `sum` that adds {OFFSET:,} to its result, your program never prints {OFFSET:,} "
             "for the second sum: the 0 was typed in, not what `sum` returned. Sum the same generator object "
             "twice and print both results.")
    if run is not None:
        # The first sum, x, is then printed as x + OFFSET (or, when it is 0, as
        # OFFSET); the totals and the items' sizes, summed too, do not count.
        items = items_size()
        before, after = whole_numbers(p.stdout), whole_numbers(run.text)
        moved = [x for x in before if x not in (0, TOTAL, items) and after[x + OFFSET]]
        if not moved and after[OFFSET] < 1 and before[TOTAL] < 3:
            fail(f"Run again here with a `sum` that adds {OFFSET:,} to its result, no number your program printed "
                 f"moved by {OFFSET:,} but the totals, the items' sizes and the second sum: the first sum of the "
                 "generator was typed in. Print what `sum` returned the first time, then the second.")


@check("the program shows that `len()` does not work on a generator", step=4)
def _(p):
    p.printed(r"has no len|TypeError",
              "Step 4 asks you to try `len()` on a generator expression: catch the `TypeError` and print it.")
    run = offset_sums(p)
    if run is not None and not re.search(rf"GeneratorLenError|{LEN_AGAIN}", run.text):
        fail("Run again here with a `len()` whose error for a generator has another name and other words "
             f"(`GeneratorLenError: ... ({LEN_AGAIN})`), your program printed neither: the error it shows was "
             "typed in, not what `len()` raised. Call `len()` on a generator expression, catch the `TypeError` "
             "and print it (`print(error)`).")


@check("the last line says whether the totals agree and the generator's peak is lower, as measured", step=5)
def _(p):
    said = p.conclusion(PHRASE, f"{PHRASE}: True")
    list_total, list_peak, generator_total, generator_peak = peaks(p)
    truth = list_total == generator_total and generator_peak < list_peak
    if said != truth:
        fail(f"Your program concludes {said}, but measured here both totals are {list_total:,} and the peaks "
             f"{generator_peak:,} bytes (generator) against {list_peak:,} (list). Trace each call on its own "
             "and print `list_total == generator_total and generator_peak < list_peak`.")
    # The re-runs only when the program concluded True: a False is never failed by what they print.
    for rerun, which in ((list_plus_one, "total_from_list"), (generator_plus_one, "total_from_generator")):
        run = rerun(p) if said else None
        if said and run is not None and run.said(PHRASE):
            fail(f"Your program still concludes True when `{which}` returns one more than the other function's "
                 "total (run again here that way): the answer does not follow from your own figures (typed in, or worked out some other way). Print "
                 "`list_total == generator_total and generator_peak < list_peak`.")
    # The peaks count too: run again with a total_from_generator that holds a
    # block larger than the list version's peak, the honest True turns False.
    run = heavy_generator_run(p) if said else None
    if run is not None and run.said(PHRASE):
        fail(f"Run again here with a `total_from_generator` that holds, while it sums {N:,} squares, a block of "
             "memory larger than the list version's whole peak, your program still concludes True: the answer "
             f"does not compare the peaks of the two calls for {N:,} (the generator's traced on fewer squares, "
             "or not compared at all). Trace `total_from_generator(500_000)` itself and print "
             "`list_total == generator_total and generator_peak < list_peak`.")
    if not re.search(r"(?i)same\W+total\W.*\bgenerator\b", p.last_line):
        fail(f"End with the line \"{PHRASE}: True\" (or False): it is the last line the task asks for.")


@check("a timing line, when the program prints one, timed `total_from_generator` really running", step=1)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison) must time work done: not an empty loop, not
    # nothing (inf).
    def prepare():
        work = p.get("total_from_generator", callable)
        return lambda: work(500_000)
    p.require_real_timing(prepare, "`total_from_generator(500_000)`")
