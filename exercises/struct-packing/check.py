"""Checks for struct-packing. `as_packed` is called with the check's own
counts: its buffer must be one bytearray of n records allocated up front,
written with `struct.pack_into`, and every record must unpack exactly. The
program's printed peaks are compared with what the check measures for the
same layouts (its own list of dicts made from `record(i)`), its unpacking
is observed (watched `struct.unpack_from`), and its conclusion must agree
with what the check found."""
import re
import struct

from heapwise_check import check, fail, number, watch

watch("struct.pack_into")
watch("struct.unpack_from")
watch("struct.Struct")

FORMAT = "!IffB"  # the task's record format
N = 50_000
MEASURED_N = 20_000  # the check measures fewer records and scales: the peaks grow linearly
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
    """(dicts peak, packed peak) for N records, measured here on fewer and scaled."""
    if "peaks" not in MEMO:
        record, as_packed = p.get("record", callable), p.get("as_packed", callable)
        keys = ("id", "x", "y", "flags")
        dicts = p.peak("20,000 records as dicts", lambda: [dict(zip(keys, record(i))) for i in range(MEASURED_N)])
        buffer = p.peak("20,000 records packed", lambda: as_packed(MEASURED_N))
        MEMO["peaks"] = (dicts * N / MEASURED_N, buffer * N / MEASURED_N)
    return MEMO["peaks"]


@check("`as_packed(n)` returns one bytearray of n records")
def _(p):
    packed(p, 1_000)


@check("every packed record unpacks to exactly `record(i)`")
def _(p):
    wrong = round_trips(p, N)
    if wrong:
        i, got, want, size = wrong
        fail(f"Record {i} unpacks to {got!r}, but `record({i})` is {want!r}: write record i at offset "
             f"`i * {size}` with `struct.pack_into(RECORD, buffer, i * {size}, *record(i))`.")


@check("`as_packed` allocates the buffer once and writes the records with `struct.pack_into`")
def _(p):
    n = 2_000
    with p.counting("struct.pack_into") as written:
        packed(p, n)
    # A struct.Struct object's own pack_into cannot be watched: a program that
    # made one is trusted to use it, and the peak below still applies.
    if written.count < n and p.calls("struct.Struct").count == 0:
        fail(f"`as_packed({n:,})` called `struct.pack_into` {written.count:,} times: write each record into the "
             "buffer in place with `struct.pack_into(RECORD, buffer, i * size, *record(i))`.")
    size = struct.calcsize(FORMAT)
    _, packed_peak = peaks(p)
    if packed_peak > 1.2 * N * size + 10_000:
        fail(f"Packing records peaks at about {packed_peak * MEASURED_N / N:,.0f} bytes for {MEASURED_N:,} of "
             f"them, well above the {MEASURED_N * size:,} the buffer needs: allocate `bytearray(n * size)` once "
             "and fill it with `pack_into`, with no list of packed pieces and no growing buffer.")


@check("the program unpacks every record with `struct.unpack_from`")
def _(p):
    unpacked = p.calls("struct.unpack_from").program_count
    # A program may stop at the first record that does not match.
    wanted = N if round_trips(p, N) is None else 1
    if unpacked < wanted and p.calls("struct.Struct").program_count == 0:
        fail(f"Your program called `struct.unpack_from` {unpacked:,} times: unpack each of the 50,000 records "
             "from the buffer (`struct.unpack_from(RECORD, buffer, i * size)`) and compare it with `record(i)`.")


@check("the program prints the calcsize of \"!IffB\", \"@dHfB\" and \"=dHfB\"")
def _(p):
    for fmt in ("!IffB", "@dHfB", "=dHfB"):
        size = struct.calcsize(fmt)
        if not re.search(number(size), p.stdout):
            fail(f"Step 1: no printed line gives `struct.calcsize(\"{fmt}\")`, {size} on this interpreter.")


@check("the program measures both layouts with tracemalloc and prints their peaks")
def _(p):
    dicts, buffer = peaks(p)
    sizes = p.sizes()
    for label, wanted in (("50,000 records as dicts", dicts), ("50,000 records packed", buffer)):
        if not any(abs(size - wanted) <= 0.25 * wanted for size in sizes):
            fail(f"Measured here, {label} peak at about {wanted:,.0f} bytes, and no figure your program printed "
                 "is near that. Trace the building of each layout on its own and print its peak "
                 "(`tracemalloc.get_traced_memory()[1]`).")


@check("the program says whether the packed buffer is smaller and round-trips exactly, as found")
def _(p):
    said = p.conclusion("packed buffer is smaller and round-trips exactly")
    dicts, buffer = peaks(p)
    exact = round_trips(p, N) is None
    truth = buffer < dicts and exact
    if said != truth:
        fail(f"Your program concludes {said}, but the check finds the packed records peak at about {buffer:,.0f} "
             f"bytes against {dicts:,.0f} as dicts, and they {'do' if exact else 'do not'} unpack exactly. "
             "Print `packed_peak < dict_peak and round_trip`.")
