"""Checks for chunked-processing. `in_chunks` (named by the task) is called
with counts and chunk sizes of the check's own and compared with its own
copy of the starter's job. Its peak is measured here beside a loop that
holds exactly one chunk at a time. The results and peaks the program
prints are compared with what the check measures on this interpreter,
running the student's functions at the sizes the task names, and count
only as the program's own tracemalloc returned them (provenance: traced
bytes, not typed after throwaway reads, not scaled from a smaller run, not
a `sys.getsizeof`). A chunked
peak is accepted anywhere between the check's two honest measurements:
with freed record tuples to reuse and right after gc.collect(), with none
(about twice as much). The conclusion is re-run: a True must turn False
when in_chunks's peak grows with the records, a False must turn True when
every call holds the same large block, so the two peaks are flat."""
import gc
import re
import tracemalloc
from itertools import islice


from heapwise_check import check, fail, heading_unit, number

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the whole list", r"\bcollect_all\b"),
    ("the chunks", r"\bin_chunks\b"),
)

MEMO = {}

# A number as a program may print it (1168, 1,168, 1_168, 71.5), with an
# optional unit after it: bytes, KiB, kB, MiB, MB.
AMOUNT = re.compile(r"(?<![\w.])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?\s*(kib|kb|k|mib|mb|m)?(?![\w.]\d)",
                    re.IGNORECASE)
SCALES = {"": (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,),
          "m": (1e6, 2 ** 20), "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}


def gives(line, want, share, p=None):
    """True when a number printed on the line (in bytes or any unit) is
    within `share` of `want` (or of the rounding it was printed with); with
    `p`, only a figure the program's own tracemalloc returned counts (a
    peak, not a `sys.getsizeof`). `want` may instead be a test of (value in
    bytes, rounding step)."""
    for match in AMOUNT.finditer(line):
        if p is not None and not p.measured(match, (1, 2), traced="peak"):
            continue
        whole, fraction, unit = match.group(1), match.group(2) or "", (match.group(3) or heading_unit(match)).lower()
        value = float(re.sub(r"[,_]", "", whole) + fraction)
        step = 10 ** -len(fraction[1:]) if fraction else 1
        for scale in SCALES[unit]:
            if callable(want):
                if want(value * scale, step * scale / 2):
                    return True
            elif abs(value * scale - want) <= max(want * share, step * scale / 2):
                return True
    return False


def generate(n):
    """The starter's records."""
    for i in range(n):
        yield (i, i % 16, 1500 + (i * 37) % 1000)


def process(chunk):
    """The starter's work per chunk."""
    total = 0
    largest = 0
    for _, _, reading in chunk:
        total += reading
        largest = max(largest, reading)
    return total + largest


def one_chunk_at_a_time(n, size):
    """The job holding exactly one chunk of records at a time."""
    stream = generate(n)
    result = 0
    while True:
        chunk = list(islice(stream, size))
        if not chunk:
            return result
        result += process(chunk)
        del chunk


def warm_peak(function, *args):
    """The traced peak of function(*args), called once untraced before, as a
    program measures it after other work: the tuples of earlier records are
    reused from CPython's free list, not allocated anew."""
    function(*args)
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def cold_peak(function, *args):
    """The traced peak of function(*args) right after a full collection,
    which empties CPython's free lists (as at a program's start, or in a
    program that calls gc.collect() before it measures): every record tuple
    of the first chunk is a new, traced allocation."""
    gc.collect()
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def peak_range(function, *args):
    """The lowest and highest traced peak of function(*args) an honest
    measurement can give on this interpreter: with freed tuples to reuse
    (warm) and with none (cold). A program's own measurement lands between
    them, wherever its earlier work left the free lists."""
    warm, cold = warm_peak(function, *args), cold_peak(function, *args)
    return min(warm, cold), max(warm, cold)


def within(low, high, share):
    """A test of a value in bytes: between low and high, `share` either side
    (or the rounding it was printed with, as `gives` allows)."""
    return lambda value, step: low * (1 - share) - step <= value <= high * (1 + share) + step


def states(low, high):
    """The range measured here, in words."""
    if high <= low * 1.1:
        return f"about {high:,} bytes"
    return (f"between about {low:,} bytes (when earlier work left freed record tuples to reuse) and {high:,} "
            "(right after `gc.collect()`, with none)")


def peaks(p):
    """Peaks measured here: one chunk at a time, and the program's in_chunks
    on 20,000 and 40,000 records, with chunks of 1,000."""
    if "peaks" not in MEMO:
        in_chunks = p.get("in_chunks", callable)
        one = warm_peak(one_chunk_at_a_time, 20_000, 1_000)
        half = warm_peak(in_chunks, 20_000, 1_000)
        full = warm_peak(in_chunks, 40_000, 1_000)
        MEMO["peaks"] = one, half, full
    return MEMO["peaks"]


@check("`in_chunks(n, size)` gives the same result as collecting everything", step=1)
def _(p):
    in_chunks = p.get("in_chunks", callable)
    for n, size in ((10_000, 1_000), (2_345, 1_000), (999, 100), (5, 10), (1, 1)):
        want = one_chunk_at_a_time(n, size)
        got = in_chunks(n, size)
        if got != want:
            fail(f"`in_chunks({n:,}, {size:,})` returned {got!r}, but processing all {n:,} records in chunks of "
                 f"{size:,} gives {want:,}. Process every chunk, the last, shorter one included, and add "
                 "up the results.")


@check("`in_chunks` holds at most one chunk of records at a time (measured by the check)", step=1)
def _(p):
    one, half, full = peaks(p)
    if half > 1.5 * one:
        many = "two chunks" if half < 2.6 * one else "many chunks"
        fail(f"Measured here, `in_chunks(20_000, 1_000)` peaked at {half:,} bytes, against {one:,} for a loop "
             f"that holds one chunk of 1,000 records at a time: yours holds {many} at its peak. Take `size` "
             "records at a time from one generator (`list(islice(stream, size))`), and drop the name of the "
             "chunk you processed (`del chunk`) before the next one is read.")
    return f"{half:,} bytes, against {one:,} for one chunk at a time."


@check("the chunked peak stays flat as the records double (measured by the check)", step=1)
def _(p):
    one, half, full = peaks(p)
    if full > 1.1 * half + 2_048:
        fail(f"Measured here, `in_chunks` peaked at {half:,} bytes for 20,000 records and {full:,} for "
             "40,000: it still grows with the total. Pull `size` records at a time from one generator "
             "instead of building the whole list.")
    return f"{half:,} and {full:,} bytes for 20,000 and 40,000 records."


@check("the program prints both versions' results and tracemalloc peaks for 100,000 and 200,000 records", step=2)
def _(p):
    for n in (100_000, 200_000):
        result = one_chunk_at_a_time(n, 1_000)
        p.printed(number(result), f"No printed line gives the result for {n:,} records ({result:,}).")
    # The chunked results printed are what `in_chunks` returned: run again
    # with it answering one more, they move (or an assertion that the two
    # versions agree stops the run).
    run = p.rerun("in_chunks one more", "in_chunks", one_more)
    if run is not None and run.raised is None:
        for n in (100_000, 200_000):
            moved = one_chunk_at_a_time(n, 1_000) + 1
            if not re.search(number(moved), "\n".join(run.lines)):
                fail(f"Run again here with an `in_chunks` that returns one more than it should, your program did not "
                     f"print its result for {n:,} records ({moved:,}) and went on as if the two versions agreed: "
                     "print the result `in_chunks` returned, not the other version's.")
    collect_all, in_chunks = p.get("collect_all", callable), p.get("in_chunks", callable)
    for n in (100_000, 200_000):
        want = p.peak(f"collect_all({n:,}, 1_000)", lambda: collect_all(n, 1_000))
        printed(p, lambda line: gives(line, want, 0.1, p), lambda line: gives(line, want, 0.1),
                f"the peak of `collect_all({n:,}, 1_000)` (about {want:,} bytes, measured here)")
    # Measured by the program after other work, or right after gc.collect()
    # (which empties CPython's free lists), the same in_chunks peaks at about
    # twice as much: both are honest, so the figure may be anywhere between.
    low, high = peak_range(in_chunks, 100_000, 1_000)
    near = within(low, high, 0.25)
    printed(p, lambda line: gives(line, near, 0, p), lambda line: gives(line, near, 0),
            f"the peak of `in_chunks` with chunks of 1,000 ({states(low, high)}, measured here on 100,000 "
            "records; it is the same for 200,000)")
    # The peaks printed for collect_all are of collect_all itself: run again
    # with it holding COLLECT_EXTRA bytes while it runs, both grow by that (a
    # peak traced on `list(generate(n))` alone, beside it, does not).
    run = p.rerun("heavier collect_all", "collect_all", held_for_a_moment)
    if run is None or run.raised is not None:
        return
    before, after = p.sizes_by_place(), p.sizes_by_place(run.lines)
    grown = sum(any(0.8 * COLLECT_EXTRA <= b - a <= 1.25 * COLLECT_EXTRA for a in figures for b in after.get(place, ()))
                for place, figures in before.items())
    if grown < 2:
        fail(f"Run again here with a `collect_all` that holds {COLLECT_EXTRA:,} bytes more while it runs, "
             f"{grown} of the peaks your program printed grew by about that much: trace `collect_all(n, 1_000)` "
             "itself for 100,000 and for 200,000 records and print the peak of each (not the peak of building "
             "the list alone, nor of another call).")


COLLECT_EXTRA = 3_000_000  # bytes the re-run's collect_all holds while it runs


def one_more(real):
    """The program's in_chunks, returning one more than it found (a number)."""
    def in_chunks(*args, **kwargs):
        result = real(*args, **kwargs)
        return result + 1 if isinstance(result, (int, float)) and not isinstance(result, bool) else result
    return in_chunks


def held_for_a_moment(real):
    """The program's collect_all, holding COLLECT_EXTRA bytes while it runs (so its peak grows by that)."""
    def collect_all(*args, **kwargs):
        pad = bytearray(COLLECT_EXTRA)
        result = real(*args, **kwargs)
        del pad
        return result
    return collect_all


def printed(p, measured, near, what):
    """Passes when a printed line gives `what` as the program measured it;
    fails saying whether no line gives it or the line's figure was not measured."""
    if any(measured(line) for line in p.lines):
        return
    if any(near(line) for line in p.lines):
        fail(f"The figure your program printed for {what[0].lower()}{what[1:]} is not a peak its own tracemalloc "
             "returned: print the peak `tracemalloc.get_traced_memory()[1]` gives for that run, not a number "
             "typed in, scaled from a smaller run or taken from `sys.getsizeof`.")
    fail(f"No printed line gives {what}.")


@check("the program prints the chunked peak for chunk sizes 100, 1,000 and 10,000", step=3)
def _(p):
    in_chunks = p.get("in_chunks", callable)
    for size, share in ((100, 0.4), (1_000, 0.25), (10_000, 0.25)):
        low, high = peak_range(in_chunks, 200_000, size)  # the task's 200,000 records
        near = within(low, high, share)
        printed(p, lambda line: bool(re.search(number(size), line)) and gives(line, near, 0, p),
                lambda line: bool(re.search(number(size), line)) and gives(line, near, 0),
                f"chunk size {size:,} with its peak ({states(low, high)}, measured here on 200,000 records)")
    # On the task's 200,000 records, not fewer (a chunked peak is the same
    # for any number of records): run again with an in_chunks that also
    # holds a list as long as its records, each size's printed peak grows by
    # what that list takes at 200,000.
    lines = run_holding(p)
    for size, share in ((100, 0.4), (1_000, 0.25), (10_000, 0.25)):
        low, high = peak_range(holding(in_chunks), 200_000, size)
        if not any(re.search(number(size), line) and gives(line, within(low, high, share), 0) for line in lines):
            fail(f"Run again here with an `in_chunks` that also holds a list as long as its records, your "
                 f"program's peak for chunks of {size:,} is not what 200,000 records give then "
                 f"({states(low, high)}): measure step 3 on the task's 200,000 records.")


@check("the program ends with `chunked peak stays flat when the total doubles:` and what its own peaks show", step=4)
def _(p):
    said = p.conclusion("chunked peak stays flat when the total doubles")
    _, half, full = peaks(p)
    flat = abs(full - half) <= 0.1 * half
    if not flat:
        fail(f"Measured here, the chunked peak went from {half:,} bytes for 20,000 records to {full:,} for "
             "40,000: it grows with the number of records (see the checks above), so it is not flat.")
    if said:
        # A typed True prints the same whatever the peaks are: run again with
        # an in_chunks that also holds a list of n numbers, the peaks double
        # with the records and the conclusion must turn False.
        again = [m.group(1).lower() for m in map(FLAT.search, run_holding(p)) if m]
        if not again or again[-1] != "false":
            fail("Run again here with an `in_chunks` that also holds a list as long as the records (so its peak "
                 f"doubles with them), your program still concluded {again[-1].capitalize() if again else 'nothing'}: "
                 "the answer is typed, not worked out. Print whether your two measured chunked peaks are within 10%.")
        return
    # A program's False is honest when its own two peaks differ by more than
    # 10%: measured first, right after the program starts, in_chunks makes a
    # new tuple for every record of its first chunk, and later runs reuse
    # freed ones, so a program that measures in_chunks before collect_all can
    # see its first peak about twice the second. A typed False prints the
    # same whatever the peaks are: run again with an in_chunks that also
    # holds one fixed block of bytes, many times what the free lists can
    # move, during every call. Its two peaks are then within 10% of each
    # other, and the conclusion must turn True.
    pad = 20 * peak_range(p.get("in_chunks", callable), 20_000, 1_000)[1]
    again = [m.group(1).lower() for m in map(FLAT.search, run_padded(p, pad)) if m]
    if not again or again[-1] != "true":
        fail(f"Your program concluded False. Run again here with an `in_chunks` that also holds {pad:,} bytes "
             "during every call (so its peaks for 100,000 and 200,000 records are within 10% of each other), "
             f"it still concluded {again[-1].capitalize() if again else 'nothing'}: the answer does not follow "
             "from your two measured chunked peaks. Print whether your peak of `in_chunks` with chunks of 1,000 "
             "for 200,000 records is within 10% of the one for 100,000.")


FLAT = re.compile(r"(?i)chunked\W+peak\W+stays\W+flat\W+when\W+the\W+total\W+doubles[\W_]*\b(True|False)\b(?!.*\b(?:True|False)\b)")


def holding(real):
    """`real` (an in_chunks) wrapped so that each call also holds a list of n numbers while it runs."""
    def in_chunks(n, *args, **kwargs):
        held = list(range(n)) if isinstance(n, int) else []
        result = real(n, *args, **kwargs)
        held.clear()
        return result
    return in_chunks


def run_holding(p):
    """The printed lines of the program run again with its `in_chunks`
    wrapped by `holding`."""
    run = p.rerun("holding", "in_chunks", holding)
    if run is None:
        fail("Your program defines no function `in_chunks` at the top level.")
    return run.lines


def run_padded(p, pad):
    """The printed lines of the program run again with its `in_chunks`
    wrapped so that each call also holds `pad` bytes while it runs: the same
    for every call, so the chunked peaks are as flat as can be."""
    def hold(real):
        def in_chunks(*args, **kwargs):
            held = bytearray(pad)
            result = real(*args, **kwargs)
            del held
            return result
        return in_chunks

    run = p.rerun(("padded", pad), "in_chunks", hold)
    if run is None:
        fail("Your program defines no function `in_chunks` at the top level.")
    return run.lines


# A figure printed in bytes or a byte unit: "146,128 bytes", "71.5 KiB", "7760 B".
IN_BYTES = re.compile(r"(?<![\w.])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?\s*(?:bytes?|B|KiB|kB|KB|MiB|MB)(?!\w)")


@check("every figure the program prints in bytes is one its own measurement returned", step=2)
def _(p):
    # The task's figures (the two versions' peaks, the chunk sizes' peaks) and
    # any other peak the program prints beside them (the loop without its
    # `del`, say): each a measurement, none typed in.
    for line in p.lines:
        for found in IN_BYTES.finditer(line):
            p.require_measured(found, "the figure in bytes", (1, 2))


@check("a timing line, when the program prints one, timed `in_chunks` really running", step=1)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison) must time work done.
    def prepare():
        in_chunks = p.get("in_chunks", callable)
        return lambda: in_chunks(100_000, 1_000)
    p.require_real_timing(prepare, "`in_chunks(100_000, 1_000)`")
