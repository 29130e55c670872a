"""Checks for struct-packing. `as_packed` is called with the check's own
counts: its buffer must be one bytearray of n records allocated at its full
size up front (no room left over from growing, `bytearray.__alloc__`), its
peak at the task's 50,000 records little above the buffer, and every record
must unpack exactly. The program's printed peaks are compared with what the
check measures for the same layouts at 50,000 records (its own list of
dicts made from `record(i)`; never scaled from fewer), and count only as
the program's own tracemalloc returned them (provenance: traced bytes, not
a `sys.getsizeof`); its unpacking
is counted in a re-run (`struct.unpack_from`, or a `Struct`'s; so are its `pack_into` calls),
and its conclusion must agree with what the check found. Its buffer and
offsets must follow the record size `struct` gives: run again with a
`struct` whose "!IffB" is three bytes longer, every record still
round-trips and the program still ends with True. Its comparison must be
exact: run again with a `record(i)` whose `x` a 32-bit float cannot hold,
it must not end with True. Both printed peaks must be what its own
tracemalloc returned: run again with tracemalloc answering three times what
it traced and an `as_packed` whose peak doubles, a figure near each peak
must move (the buffer's `len()`, near the packed peak, does not).
The task names `as_packed(n)` and the starter's `record(i)`, the two
functions the checks call."""
import ast
import re
import struct

from heapwise_check import check, fail, number, struct_view

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the dicts", r"\bdict\(|\{\s*[\"']id[\"']\s*:"),
    ("the packed buffer", r"\bbytearray\("),
)


FORMAT = "!IffB"  # the task's record format
N = 50_000
MEMO = {}


def packed(p, n):
    buffer = p.get("as_packed", callable)(n)
    size = struct.calcsize(FORMAT)
    if not isinstance(buffer, bytearray):
        fail(f"`as_packed({n:,})` returned {type(buffer).__name__}; it should return one bytearray.")
    if len(buffer) != n * size:
        fail(f"`as_packed({n:,})` returned {len(buffer):,} bytes; {n:,} records of {size} bytes need "
             f"{n * size:,} (the record format is `\"{FORMAT}\"`).")
    return buffer, size


def round_trips(p, n):
    """The first record of as_packed(n) that does not unpack to record(i), or None."""
    if n in MEMO:
        return MEMO[n]
    buffer, size = packed(p, n)
    record = p.get("record", callable)
    MEMO[n] = None
    for i in range(n):
        got = struct.unpack_from(FORMAT, buffer, i * size)
        if got != tuple(record(i)):
            MEMO[n] = i, got, tuple(record(i)), size
            break
    return MEMO[n]


def peaks(p):
    """(dicts peak, packed peak) for the task's 50,000 records, measured here."""
    if "peaks" not in MEMO:
        record, as_packed = p.get("record", callable), p.get("as_packed", callable)
        keys = ("id", "x", "y", "flags")
        dicts = p.peak("50,000 records as dicts", lambda: [dict(zip(keys, record(i))) for i in range(N)])
        buffer = p.peak("50,000 records packed", lambda: as_packed(N))
        MEMO["peaks"] = (dicts, buffer)
    return MEMO["peaks"]


@check("`as_packed(n)` returns one bytearray of n records", step=3)
def _(p):
    packed(p, 1_000)


@check("every packed record unpacks to exactly `record(i)`", step=3)
def _(p):
    wrong = round_trips(p, N)
    if wrong:
        i, got, want, size = wrong
        fail(f"Record {i} unpacks to {got!r}, but `record({i})` is {want!r}: write record i at offset "
             f"`i * {size}` with `struct.pack_into(RECORD, buffer, i * {size}, *record(i))`.")


@check("`as_packed` allocates the buffer once, up front, and writes the records into it in place", step=3)
def _(p):
    size = struct.calcsize(FORMAT)
    buffer, _ = packed(p, 2_000)
    # A bytearray made at its full size holds exactly its bytes (and the
    # trailing NUL); one grown record by record keeps the room it grew into.
    if buffer.__alloc__() > len(buffer) + 1:
        fail(f"The bytearray `as_packed(2_000)` returned has room for {buffer.__alloc__():,} bytes, more than its "
             f"{len(buffer):,}: it was grown as records were added. Allocate `bytearray(n * size)` once, up front, "
             "and write each record into it with `struct.pack_into(RECORD, buffer, i * size, *record(i))`.")
    _, packed_peak = peaks(p)
    if packed_peak > 1.2 * N * size + 10_000:
        fail(f"Measured here, `as_packed(50_000)` peaks at {packed_peak:,} bytes, well above the {N * size:,} the "
             "buffer needs: allocate `bytearray(n * size)` once and fill it with `pack_into`, with no list of "
             "packed pieces and no growing buffer.")
    return f"{packed_peak:,} bytes for a {N * size:,}-byte buffer."


@check("the program unpacks every record with `struct.unpack_from`", step=4)
def _(p):
    # Counted in the padded re-run, as the module's function or a `Struct`'s
    # method (a `Struct` made is not enough: its `unpack_from` must run).
    if padded_run(p).raised:
        return  # its record size is typed in: the check of the padded record says so
    unpacked = MEMO["calls"]["unpack_from"]
    # A program may stop at the first record that does not match.
    wanted = N if round_trips(p, N) is None else 1
    if unpacked < wanted:
        fail(f"Your program called `struct.unpack_from` {unpacked:,} times: unpack each of the 50,000 records "
             "from the buffer (`struct.unpack_from(RECORD, buffer, i * size)`) and compare it with `record(i)`.")


@check("the program prints the calcsize of \"!IffB\", \"@dHfB\" and \"=dHfB\"", step=1)
def _(p):
    for fmt in ("!IffB", "@dHfB", "=dHfB"):
        size = struct.calcsize(fmt)
        found = [m for line in p.lines for m in re.finditer(f"({number(size)})", line)]
        if not found:
            fail(f"Step 1: no printed line gives `struct.calcsize(\"{fmt}\")`, {size} on this interpreter.")
        # The figure must be what the program's own calcsize call returned, not typed beside a call made for show.
        if not any(p.measured(m) for m in found):
            p.require_measured(found[0], f"the calcsize of \"{fmt}\"")


@check("the explanation's padding and offsets follow `calcsize`: run again with a native layout that puts 4 more bytes before the float, no line gives the old ones", step=1)
def _(p):
    # The explanation's figures come from `calcsize` too (step 1 says so).
    # Honest arithmetic on its results and C sizes typed in give the same
    # padding (2) and float offset (12) here, so run again with a `struct`
    # whose native layout puts 4 more pad bytes before the float ("@dHfB"
    # is 21): no line may still give the old padding or offset. (The padded
    # re-run below is that run: its record is three bytes longer too, which
    # an honest program follows and an explanation does not speak of.)
    run = padded_run(p)
    if run.raised is not None:
        return
    pad = struct.calcsize("@dHfB") - struct.calcsize("=dHfB")
    at = struct.calcsize("@dHf") - struct.calcsize("@f")
    stale = [line for line in run.lines if says_layout(line, pad, at)]
    if stale:
        fail(f"Run again here with a `struct` whose native layout puts 4 more bytes of padding before the float "
             f"(`calcsize(\"@dHfB\")` {struct.calcsize('@dHfB') + 4} there), your explanation still said "
             f"\"{stale[0].strip()}\": format the padding and the offsets it gives in from what `calcsize` returns "
             "(of the whole format and of its first fields), not from C sizes typed in.")


# Native formats of the sensor packet (whole, or its first fields) with 4
# more pad bytes before the float, for the padded re-run (PADDED_STRUCT).
WIDE_FLOAT = {prefix + "dH" + tail: prefix + "dH4x" + tail
              for prefix in ("@", "") for tail in ("f", "fB", "0f", "fB0d", "fB0q", "fB0f", "fB0i", "fB0H")}


LAYOUT_WORDS = re.compile(r"(?i)\balign|\bpad|\boffset")


def says_layout(line, pad, at):
    """Whether `line` gives `pad` as bytes of padding ("2 bytes of padding",
    "2 pad bytes", "padding: 2") or `at` as the float's offset ("offset 12",
    "f at 12")."""
    padding = (rf"(?<![\d.]){pad}\s*-?\s*(?:bytes?\s+)?(?:of\s+)?pad"
               rf"|pad\w*\s*(?:of|is|=|:)?\s*{pad}(?![\d.])")
    offset = rf"(?:offset|\bat)\s*(?:of\s*)?{at}(?![\d.])"
    return bool(re.search(padding, line, re.IGNORECASE) or re.search(offset, line, re.IGNORECASE))


@check("the program measures both layouts with tracemalloc and prints their peaks", step=2)
def _(p):
    dicts, buffer = peaks(p)
    sizes, measured = p.sizes(), p.sizes(measured="peak")
    for label, wanted in (("50,000 records as dicts", dicts), ("50,000 records packed", buffer)):
        if not any(abs(size - wanted) <= 0.25 * wanted for size in measured):
            if any(abs(size - wanted) <= 0.25 * wanted for size in sizes):
                fail(f"Measured here, {label} peak at about {wanted:,.0f} bytes; your program prints a figure "
                     "near that, but not a peak its own tracemalloc returned: print the peak "
                     "`tracemalloc.get_traced_memory()[1]` gives for 50,000 records, not a number typed in, "
                     "scaled from fewer records or taken from `sys.getsizeof` (the size of the buffer is not what "
                     "building it held at its peak).")
            fail(f"Measured here, {label} peak at about {wanted:,.0f} bytes, and no figure your program printed "
                 "is near that. Trace the building of each layout on its own and print its peak "
                 "(`tracemalloc.get_traced_memory()[1]`).")
    # Each layout on its own: the dicts' peak printed is nearer the dicts'
    # own than the dicts' and the packed buffer's together (a trace that
    # kept the buffer alive while the dicts were built holds both).
    near_dicts = [size for size in measured if abs(size - dicts) <= 0.25 * dicts]
    if not any(abs(size - dicts) < abs(size - (dicts + buffer)) for size in near_dicts):
        fail(f"Measured here, the dicts alone peak at about {dicts:,.0f} bytes, and with the packed buffer alive "
             f"beside them at about {dicts + buffer:,.0f}; the dicts' peak your program printed is nearer the "
             "second: trace each layout on its own, with the other one freed (or not yet built).")


CONCLUDED = re.compile(r"(?i)packed\W+buffer\W+is\W+smaller\W+and\W+round\W+trips\W+exactly\W*(True|False)\b")


def ended_true(lines):
    """True when the last of `lines` that gives the task's conclusion says True."""
    said = [m.group(1).lower() == "true" for m in map(CONCLUDED.search, lines) if m]
    return bool(said) and said[-1]


def run_with_damaged_buffer(p):
    """The printed lines of the program run again with its `as_packed`
    wrapped so that the first byte of the buffer it returns is flipped
    (record 0's id no longer round-trips). None if the program defines no
    top-level `as_packed`."""
    def damaged(real):
        def as_packed(*args, **kwargs):
            buffer = real(*args, **kwargs)
            try:
                buffer[0] ^= 0xFF
            except Exception:
                pass
            return buffer
        return as_packed

    run = p.rerun("damaged", "as_packed", damaged)
    return None if run is None else run.lines


@check("the program says whether the packed buffer is smaller and round-trips exactly, as found", step=5)
def _(p):
    said = p.conclusion("packed buffer is smaller and round-trips exactly")
    dicts, buffer = peaks(p)
    exact = round_trips(p, N) is None
    truth = buffer < dicts and exact
    if said != truth:
        fail(f"Your program concludes {said}, but the check finds the packed records peak at about {buffer:,.0f} "
             f"bytes against {dicts:,.0f} as dicts, and they {'do' if exact else 'do not'} unpack exactly. "
             "Print `packed_peak < dict_peak and round_trip`.")
    # The conclusion must come from the program's own unpacking: run again with
    # a buffer whose first record is damaged, it must not end with True.
    lines = run_with_damaged_buffer(p)
    if lines is not None:
        if ended_true(lines):
            fail("Run again here with an `as_packed` whose buffer has its first byte flipped (record 0 no longer "
                 "unpacks to `record(0)`), your program still ended with True: the last line must come from "
                 "unpacking every record and comparing it with `record(i)`, not be True whatever the buffer holds.")


@check("the last line follows the program's own peaks: run again with an `as_packed` that peaks far above the dicts, it says False", step=5)
def _(p):
    # Step 5 asks whether both hold: the buffer is smaller AND it round-trips.
    # With an `as_packed` that also makes and drops a scratch buffer 40 times
    # its size (about 26 MB at 50,000 records, above the dicts' peak), an
    # honest comparison of the two peaks turns False; a line that reports the
    # round trip alone stays True.
    run = p.rerun("packed heavier", "as_packed", heavier_packing)
    if run is None:
        return None  # no top-level `as_packed`: the checks of step 3 say so
    if ended_true(run.lines):
        fail("Run again here with an `as_packed` that also makes and drops a scratch buffer 40 times the size of "
             "the one it returns (so its peak is far above the dicts'), your program still ended with True: "
             "the last line must say whether both hold, the packed peak below the dicts' peak and the exact "
             "round trip (`packed_peak < dict_peak and round_trip`).")
    return "run again with the packed build peaking above the dicts, the last line says False"


def heavier_packing(real):
    """`as_packed` that also makes, and drops, a scratch buffer 40 times as
    large as the one it returns."""
    def as_packed(*args, **kwargs):
        buffer = real(*args, **kwargs)
        scratch = bytearray(40 * len(buffer))
        del scratch
        return buffer
    return as_packed


def doubled_peak(real):
    """`as_packed` that also makes, and drops, a second buffer as large as
    the one it returns: its peak about doubles."""
    def as_packed(*args, **kwargs):
        buffer = real(*args, **kwargs)
        extra = bytearray(len(buffer))
        del extra
        return buffer
    return as_packed


def tripled(real):
    """`tracemalloc.get_traced_memory` answering three times what it traced."""
    def get_traced_memory():
        current, peak = real()
        return current * 3, peak * 3
    return get_traced_memory


def heavier_run(p):
    """The program run again with `tracemalloc.get_traced_memory` answering
    three times what it traced and an `as_packed` whose peak doubles: its
    dicts' peak triples, its packed peak grows about six times. None when it
    defines no top-level `as_packed`."""
    return p.rerun("heavier", "as_packed", doubled_peak, modules={"tracemalloc": {"get_traced_memory": tripled}})


@check("both peaks printed are what the program's own tracemalloc returned for its builds: run again with them changed, they move", step=3)
def _(p):
    # Step 2 and 3 ask for each layout's tracemalloc peak. A figure near the
    # peak measured here that is not that peak (the buffer's `len()`, 650,000
    # against a peak of about 650,400; a figure typed in) stays the same when
    # the program runs again with `tracemalloc.get_traced_memory` answering
    # three times what it traced and an `as_packed` whose peak doubles; the
    # peak the program's tracemalloc returned moves. Other figures near a
    # peak (the buffer's length beside its peak) may stay: one must move.
    dicts, buffer = peaks(p)
    run = heavier_run(p)
    if run is None:
        return
    unmoved = {id(figure) for figure in p.unmoved(run)}
    printed = p.printed_figures()
    for label, wanted in (("50,000 records as dicts", dicts), ("`as_packed(50_000)`", buffer)):
        near = [figure for figure in printed if any(abs(value - wanted) <= 0.25 * wanted for value in figure.values)]
        if near and all(id(figure) in unmoved for figure in near):
            shown = " and ".join(f"{figure.text}{' ' + figure.unit if figure.unit else ''} "
                                 f"(\"{figure.line.strip()[:80]}\")" for figure in near[:2])
            fail(f"Measured here, {label} peak at about {wanted:,.0f} bytes, and your program printed {shown} "
                 "for it. Run again here with `tracemalloc.get_traced_memory` answering three times what it "
                 "traced and an `as_packed` whose peak doubles, your program printed "
                 f"{'it' if len(near) == 1 else 'them'} again unchanged: not the peak its tracemalloc returned for "
                 "that build. Print "
                 "`tracemalloc.get_traced_memory()[1]` taken after the build (not the buffer's `len()`, not a "
                 "number worked out or typed in).")


@check("any figure the program prints from the two peaks (per record, their ratio) follows its measurements: run again with them changed, it moves", step=2)
def _(p):
    # The task asks for the two peaks; a figure worked out from them (the
    # dicts' bytes per record, dicts / packed) must still come from them. Run
    # again here with `tracemalloc.get_traced_memory` answering three times
    # what it traced and an `as_packed` whose peak doubles: the bytes per
    # record triple, the ratio halves; a figure typed in stays.
    dicts, buffer = peaks(p)
    run = heavier_run(p)
    if run is None:
        return
    wanted = ((dicts / N, 0.05, "the dicts' bytes per record"), (dicts / buffer, 0.05, "dicts / packed"))
    # A line the source writes out whole, or one about the packet's layout
    # (an explanation's "f at 12", formatted from `calcsize` or not: its own
    # check reads it), is not a figure worked out from the peaks: its
    # numbers may meet a ratio by chance.
    written = [node.value for node in ast.walk(ast.parse(p.source))
               if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    for figure in p.unmoved(run):
        if any(figure.line.strip() in text for text in written) or LAYOUT_WORDS.search(figure.line):
            continue
        for want, share, what in wanted:
            if abs(figure.number - want) <= share * want:
                fail(f"Your program printed \"{figure.line.strip()[:100]}\", with {figure.text} for {what} "
                     f"({want:,.1f} here); run again here with `tracemalloc.get_traced_memory` answering three "
                     f"times what it traced and an `as_packed` whose peak doubles, it still printed {figure.text}: "
                     "work the figure out from the peaks your program measured, do not type it in.")


# The one record the "inexact x" re-run changes: a prime, so a program
# that compares only every second, tenth or fiftieth record misses it.
ODD_ONE = 31_337


def inexact(real):
    """`record` whose `x` is 0.1 more for record ODD_ONE: a value a 32-bit
    float cannot hold exactly, so that record does not come back from "f"
    exactly as it went in."""
    def record(*args, **kwargs):
        values = real(*args, **kwargs)
        if (args[0] if args else kwargs.get("i")) != ODD_ONE:
            return values
        try:
            ident, x, y, flags = values
            changed = (ident, x + 0.1, y, flags)
        except Exception:
            return values
        return list(changed) if isinstance(values, list) else changed
    return record


@check("the program compares every unpacked record with `record(i)` exactly: run again with one record's `x` a 32-bit float cannot hold, it ends with False", step=4)
def _(p):
    # The task's values (halves and quarters) all fit a 32-bit float, so a
    # comparison with a tolerance (`math.isclose`) says True as an exact one
    # does. Run again here with a `record(i)` whose `x` is 0.1 more for one
    # record (ODD_ONE): the nearest 32-bit float comes back, so an exact
    # comparison of every record finds it changed and the program must not
    # end with True.
    if not ended_true(p.lines):
        return
    run = p.rerun("inexact x", "record", inexact)
    if run is not None and ended_true(run.lines):
        fail(f"Run again here with a `record({ODD_ONE:_})` whose `x` is 0.1 more (a 32-bit float cannot hold that "
             "exactly, so `struct.unpack_from` gives back a slightly different number), your program still ended "
             "with True. Step 4 asks whether the values are exactly the originals: compare every unpacked record, "
             "not a sample, with `record(i)` using `==`, not with a tolerance such as `math.isclose`, which calls "
             "a value that lost digits equal.")


@check("a timing line, when the program prints one, timed 50,000 records really packed and unpacked", step=4)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison) must time work done.
    def prepare():
        as_packed = p.get("as_packed", callable)
        size = struct.calcsize(FORMAT)
        return lambda: sum(sum(struct.unpack_from(FORMAT, packed, i * size))
                           for packed in [as_packed(N)] for i in range(N))
    p.require_real_timing(prepare, "packing 50,000 records with `as_packed` and unpacking them")


# The task's record three bytes longer, as if padded: the `struct` a re-run
# imports reads "!IffB" (or ">IffB") as "!IffB3x", and the sensor packet's
# native formats with 4 more pad bytes before the float (WIDE_FLOAT).
PADDED_STRUCT = struct_view({FORMAT: FORMAT + "3x", ">IffB": FORMAT + "3x", **WIDE_FLOAT})


# How many times the padded re-run's program called `pack_into` and `unpack_from`, as `struct`'s
# functions or as a `Struct`'s methods.
CALLS = {"pack_into": 0, "unpack_from": 0}
# Of those `pack_into` calls, the ones that wrote into a buffer of many records
# (not a scratch of one record copied in afterwards).
INTO_LARGE = 1_000
WRITTEN_IN_PLACE = [0]


def in_place(buffer):
    """Notes a `pack_into` into `buffer` if it holds many records."""
    try:
        WRITTEN_IN_PLACE[0] += len(buffer) >= INTO_LARGE
    except TypeError:
        pass


def counted(name, make):
    """A maker of `struct.<name>` for the re-run's view: `make`'s, each call counted in CALLS."""
    def maker(real):
        inner = make(real)

        def function(*args, **kwargs):
            CALLS[name] += 1
            if name == "pack_into" and len(args) > 1:
                in_place(args[1])
            return inner(*args, **kwargs)
        function.__name__ = function.__qualname__ = name
        return function
    return maker


def counted_struct(real):
    """PADDED_STRUCT's `Struct`, its `pack_into` and `unpack_from` counted in CALLS."""
    base = PADDED_STRUCT["Struct"](real)

    class Struct(base):
        def pack_into(self, *args, **kwargs):
            CALLS["pack_into"] += 1
            if args:
                in_place(args[0])
            return super().pack_into(*args, **kwargs)

        def unpack_from(self, *args, **kwargs):
            CALLS["unpack_from"] += 1
            return super().unpack_from(*args, **kwargs)

    Struct.__module__ = real.__module__
    return Struct


def padded_run(p):
    """The program run again with PADDED_STRUCT, its `pack_into` and `unpack_from` calls counted (CALLS)."""
    if "padded run" not in MEMO:
        view = dict(PADDED_STRUCT)
        view.update({name: counted(name, PADDED_STRUCT[name]) for name in CALLS})
        view["Struct"] = counted_struct
        for name in CALLS:
            CALLS[name] = 0
        WRITTEN_IN_PLACE[0] = 0
        MEMO["padded run"] = p.rerun("record 3 bytes longer", modules={"struct": view})
        MEMO["calls"] = dict(CALLS, in_place=WRITTEN_IN_PLACE[0])
    return MEMO["padded run"]


@check("`as_packed` writes every record with `struct.pack_into` (run again here, the calls counted)", step=3)
def _(p):
    # The task names the tool: `struct.pack_into`, writing in place. A
    # buffer filled by slices of `struct.pack` results (a bytes object made
    # and copied per record) is not it. Run again here, the program's
    # `as_packed(50_000)` calls `pack_into` once a record (the module's
    # function or a `Struct`'s method).
    if padded_run(p).raised:
        return  # its record size is typed in: the check of the padded record says so
    made = MEMO["calls"]["pack_into"]
    if made < N:
        fail(f"Run again here, your program called `pack_into` {made:,} times: `as_packed(50_000)` writes each of "
             "the 50,000 records into the buffer with `struct.pack_into(RECORD, buffer, i * size, *record(i))` "
             "(or a `Struct`'s `pack_into`), not by copying what `struct.pack` returns.")
    written = MEMO["calls"]["in_place"]
    if written < N:
        fail(f"Run again here, {made - written:,} of your program's {made:,} `pack_into` calls wrote into a buffer of "
             f"fewer than {INTO_LARGE:,} bytes: `as_packed(50_000)` writes each record with `pack_into` straight into "
             "the one bytearray it allocated for all of them, in place, not into a scratch buffer copied in after.")


@check("the buffer and every offset follow the record size `struct` gives: run again with a record three bytes longer, the program still packs and unpacks every record exactly", step=3)
def _(p):
    # A program that takes the record size from `struct.calcsize(RECORD)` (or
    # a `Struct`'s `size`) allocates and steps by whatever the format needs;
    # one that types 13 in does not. Run again here with a `struct` whose
    # "!IffB" is 16 bytes (three pad bytes at the end): the honest program
    # still round-trips every record and ends with the same answer.
    if p.error is not None:
        return
    said = p.conclusion("packed buffer is smaller and round-trips exactly")
    if not said:
        return
    run = padded_run(p)
    again = run.said("packed buffer is smaller and round-trips exactly")
    if run.raised or again is not True:
        ended = f"stopped with {'struct.error' if run.raised == 'error' else run.raised}" if run.raised else (
            "printed no last line" if again is None else "ended with False")
        fail(f"Run again here with a `struct` whose record format `\"{FORMAT}\"` is three bytes longer (16 bytes, "
             f"as if padded), your program {ended}: its buffer or its offsets do not follow the record's size. "
             "Take the size from `struct.calcsize(RECORD)` (or a `Struct`'s `size`) and use it both for "
             "`bytearray(n * size)` and for every offset `i * size`, when packing and when unpacking, rather "
             "than a size typed in.")
