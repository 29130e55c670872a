"""Checks for field-order-and-padding: the three ctypes records have the
fields and the layouts the task asks for (compared with every possible
order, computed here), layout() reads offsets from any structure, the
array holds n records in one block, the calcsize results are printed, and
the last line gives the real sizes."""
import ctypes
import itertools
import re
import struct
from ctypes import c_bool, c_double, c_float, c_int64, c_uint8, c_uint16

from heapwise_check import check, fail, number

FIELDS = {"id": c_int64, "x": c_float, "flag": c_bool, "kind": c_uint8}
BAD_ORDER = ["flag", "id", "kind", "x"]


def declared(p, name):
    cls = p.get(name, type)
    if not issubclass(cls, ctypes.Structure):
        fail(f"`{name}` should be a `ctypes.Structure` subclass with a `_fields_` list.")
    fields = getattr(cls, "_fields_", [])
    if {f[0]: f[1] for f in fields} != FIELDS or len(fields) != 4:
        fail(f"`{name}._fields_` should hold exactly id (`c_int64`), x (`c_float`), flag (`c_bool`) and "
             f"kind (`c_uint8`), each once.")
    return cls


def sizes_of_every_order():
    """sizeof of an aligned structure with the four fields, for each of the 24 orders."""
    sizes = []
    for order in itertools.permutations(FIELDS.items()):
        sizes.append(ctypes.sizeof(type("Order", (ctypes.Structure,), {"_fields_": list(order)})))
    return sizes


@check("Reading has the four fields, aligned, in an order that makes it as small as alignment allows")
def _(p):
    cls = declared(p, "Reading")
    if getattr(cls, "_pack_", 0):
        fail("`Reading` sets `_pack_`: keep it aligned, and make it small by the order of its fields alone.")
    smallest = min(sizes_of_every_order())
    if ctypes.sizeof(cls) != smallest:
        fail(f"`ctypes.sizeof(Reading)` is {ctypes.sizeof(cls)}, but the best order of these four fields "
             f"gives {smallest}. Declare the widest field first and the one-byte fields last.")


@check("BadReading declares flag, id, kind, x in that order, and is larger than Reading")
def _(p):
    cls = declared(p, "BadReading")
    if [f[0] for f in cls._fields_] != BAD_ORDER or getattr(cls, "_pack_", 0):
        fail("`BadReading` should declare its fields as flag, id, kind, x, with no `_pack_`.")
    if ctypes.sizeof(cls) <= ctypes.sizeof(p.get("Reading", type)):
        fail("`BadReading` is not larger than `Reading`: check the order of `Reading`'s fields.")


@check("PackedReading packs BadReading's fields with no padding (_pack_ = 1)")
def _(p):
    cls = declared(p, "PackedReading")
    if getattr(cls, "_pack_", None) != 1:
        fail("`PackedReading` should set `_pack_ = 1` before `_fields_`.")
    unpadded = sum(ctypes.sizeof(t) for t in FIELDS.values())
    if ctypes.sizeof(cls) != unpadded:
        fail(f"`ctypes.sizeof(PackedReading)` is {ctypes.sizeof(cls)}; with no padding the four fields take "
             f"{unpadded} bytes.")


@check("layout(cls) gives (name, offset, size) of every field, read from the structure")
def _(p):
    layout = p.get("layout", callable)

    class Probe(ctypes.Structure):
        _fields_ = [("a", c_uint8), ("b", c_double), ("c", c_uint16)]

    wanted = [(name, getattr(Probe, name).offset, getattr(Probe, name).size) for name, _ in Probe._fields_]
    got = layout(Probe)
    if [tuple(item) for item in (got or [])] != wanted:
        fail(f"For a structure with fields a (`c_uint8`), b (`c_double`), c (`c_uint16`), `layout` returned "
             f"{got!r}; it should be {wanted!r}. Read each field's `.offset` and `.size` from the class "
             "(`getattr(cls, name).offset`).")


@check("as_array(n) fills one ctypes array of n Readings, with no list in between")
def _(p):
    as_array = p.get("as_array", callable)
    reading = p.get("Reading", type)
    small = as_array(300)
    if not isinstance(small, ctypes.Array) or getattr(small, "_type_", None) is not reading or len(small) != 300:
        fail("`as_array(300)` should return a ctypes array of 300 `Reading`s, made with `(Reading * n)()`.")
    for i in (0, 1, 299):
        record = small[i]
        if (record.id, record.x, record.flag, record.kind) != (i, i / 2, i % 2 == 0, i % 256):
            fail(f"Record {i} of `as_array(300)` holds ({record.id}, {record.x}, {record.flag}, {record.kind}); "
                 f"it should be ({i}, {i / 2}, {i % 2 == 0}, {i % 256}).")
    n = 20_000
    peak = p.peak(f"as_array({n:,})", lambda: as_array(n))
    block = n * ctypes.sizeof(reading)
    if peak > block + 65_536:
        fail(f"Building `as_array({n:,})` peaked at {peak:,} bytes, against {block:,} for the array itself. "
             "Create the array first and set each record's fields in place, rather than building "
             "a list of `Reading` objects and copying it in.")
    return f"{peak:,} bytes for {n:,} records in one block (measured here)."


@check("struct.calcsize is printed for the five formats, with and without native alignment")
def _(p):
    for fmt in ("@qf?B", "=qf?B", "@?qBf", "=?qBf", "@qf?B0q"):
        size = struct.calcsize(fmt)
        p.printed(rf"{re.escape(fmt)}\D*{number(size)}",
                  f"Step 3: no printed line shows `struct.calcsize({fmt!r})` with its result ({size} here).")


@check("the last line gives the three sizes as ctypes reports them")
def _(p):
    said = p.expect_last_line(r"Reading: (\d+) bytes, BadReading: (\d+) bytes, PackedReading: (\d+) bytes",
                              "Reading: 16 bytes, BadReading: 24 bytes, PackedReading: 14 bytes")
    for name, printed in zip(("Reading", "BadReading", "PackedReading"), said.groups()):
        real = ctypes.sizeof(p.get(name, type))
        if int(printed) != real:
            fail(f"The last line says {name} is {printed} bytes, but `ctypes.sizeof({name})` is {real}: "
                 "print the sizes ctypes computes.")
