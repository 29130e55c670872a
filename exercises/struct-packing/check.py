"""Checks for struct-packing: as_packed writes every record into one
bytearray allocated up front, every record unpacks exactly, and the
calcsize figures of this interpreter are printed."""
import struct

from heapwise_check import check, fail, number


def packed(p, n):
    buffer = p.get("as_packed", callable)(n)
    size = struct.calcsize(p.get("RECORD", str))
    if not isinstance(buffer, bytearray):
        fail(f"`as_packed({n:,})` returned {type(buffer).__name__}; it should return one bytearray.")
    if len(buffer) != n * size:
        fail(f"`as_packed({n:,})` returned {len(buffer):,} bytes; {n:,} records of {size} bytes need "
             f"{n * size:,}.")
    return buffer, size


@check("as_packed(n) returns one bytearray of n records")
def _(p):
    packed(p, 1_000)


@check("every packed record unpacks to exactly record(i)")
def _(p):
    buffer, size = packed(p, 1_000)
    record, fmt = p.get("record", callable), p.get("RECORD", str)
    for i in range(1_000):
        got = struct.unpack_from(fmt, buffer, i * size)
        if got != tuple(record(i)):
            fail(f"Record {i} unpacks to {got!r}, but `record({i})` is {tuple(record(i))!r}: write record i "
                 f"at offset `i * {size}` with `struct.pack_into(RECORD, buffer, i * {size}, *record(i))`.")


@check("the buffer is allocated once, up front (measured here)")
def _(p):
    as_packed, as_dicts = p.get("as_packed", callable), p.get("as_dicts", callable)
    n = 20_000
    size = struct.calcsize(p.get("RECORD", str))
    dicts = p.peak("20,000 records as dicts", lambda: as_dicts(n))
    made, buffer = p.measure("20,000 records packed", lambda: as_packed(n))
    if not isinstance(made, bytearray) or len(made) != n * size:
        fail(f"`as_packed({n:,})` should return one bytearray of {n * size:,} bytes.")
    if buffer > 1.2 * n * size + 4_096:
        fail(f"Packing {n:,} records peaked at {buffer:,} bytes, well above the {n * size:,} the buffer "
             "needs: allocate `bytearray(n * size)` once and fill it with `pack_into`, with no list of "
             "packed pieces and no growing buffer.")
    return f"{buffer:,} bytes packed, {dicts:,} as dicts."


@check("the calcsize figures for !IffB and for dHfB native and standard are printed")
def _(p):
    record = struct.calcsize("!IffB")
    native, standard = struct.calcsize("@dHfB"), struct.calcsize("=dHfB")
    p.printed(rf"IffB.*{number(record)}", f"Step 1: no printed line gives `struct.calcsize(\"!IffB\")`, {record}.")
    p.printed(rf"dHfB.*{number(native)}",
              f"Step 1: no printed line gives `struct.calcsize(\"@dHfB\")`, {native} on this interpreter.")
    p.printed(rf"dHfB.*{number(standard)}", f"Step 1: no printed line gives `struct.calcsize(\"=dHfB\")`, {standard}.")


@check("the last line says the packed buffer is smaller and round-trips exactly: True")
def _(p):
    said = p.expect_last_line(r"packed buffer is smaller and round-trips exactly: (True|False)",
                              "packed buffer is smaller and round-trips exactly: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but the packed buffer is far smaller than the dicts and every "
             "record unpacks exactly. Compare the peaks and `unpack_from` against `record(i)`.")
