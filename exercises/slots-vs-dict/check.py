"""Checks for slots-vs-dict: SlottedPoint declares its attributes with
__slots__, behaves like DictPoint for x, y and z, refuses other attributes,
and really is smaller."""
from heapwise_check import check, fail


def declared_slots(cls):
    """Every name listed in a __slots__ of cls or of its bases."""
    names = set()
    for klass in cls.__mro__:
        slots = vars(klass).get("__slots__", ())
        names.update([slots] if isinstance(slots, str) else slots)
    return names


@check("SlottedPoint declares __slots__ for x, y and z")
def _(p):
    cls = p.get("SlottedPoint", type)
    if not any("__slots__" in vars(klass) for klass in cls.__mro__[:-1]):
        fail("`SlottedPoint` declares no `__slots__`, so every instance still carries room for any "
             "attribute. Add `__slots__ = (\"x\", \"y\", \"z\")` to the class body.")
    missing = sorted({"x", "y", "z"} - declared_slots(cls))
    if missing:
        fail(f"`SlottedPoint.__slots__` does not list {', '.join(missing)}: it must name x, y and z.")


@check("a SlottedPoint keeps x, y and z and has no __dict__")
def _(p):
    point = p.get("SlottedPoint", type)(1.0, 2.0, 3.0)
    for name, wanted in (("x", 1.0), ("y", 2.0), ("z", 3.0)):
        try:
            value = getattr(point, name)
        except AttributeError:
            fail(f"`SlottedPoint(1.0, 2.0, 3.0).{name}` is not set: `__init__` must store x, y and z "
                 "as DictPoint's does.")
        if value != wanted:
            fail(f"`SlottedPoint(1.0, 2.0, 3.0).{name}` is {value!r}, expected {wanted!r}.")
    if hasattr(point, "__dict__"):
        fail("SlottedPoint instances still have a `__dict__`. Declare `__slots__`, and do not list "
             "\"__dict__\" in it or inherit from a class without `__slots__`.")


@check("setting an undeclared attribute raises AttributeError, and the program prints it")
def _(p):
    point = p.get("SlottedPoint", type)(1.0, 2.0, 3.0)
    try:
        point.colour = "red"
    except AttributeError:
        pass
    else:
        fail("`SlottedPoint(...).colour = \"red\"` worked, so the class still accepts any attribute: "
             "declare `__slots__`.")
    p.printed(r"AttributeError|has no attribute",
              "Step 3 asks you to print the error you get for an undeclared attribute; no printed line "
              "shows it (catch `AttributeError as error` and print `error`).")


@check("10,000 SlottedPoints use less memory than 10,000 DictPoints (measured here)")
def _(p):
    slotted = p.get("SlottedPoint", type)
    plain = p.get("DictPoint", type)
    with_dict = p.peak("10,000 DictPoints", lambda: [plain(float(i), 2.0 * i, 3.0 * i) for i in range(10_000)])
    with_slots = p.peak("10,000 SlottedPoints", lambda: [slotted(float(i), 2.0 * i, 3.0 * i) for i in range(10_000)])
    if with_slots > 0.95 * with_dict:
        fail(f"Measured here, 10,000 SlottedPoints peaked at {with_slots:,} bytes and 10,000 DictPoints "
             f"at {with_dict:,} bytes: slots should save clearly more than that. Check `__slots__`.")
    return f"{with_slots:,} bytes with slots, {with_dict:,} bytes without."


@check("the last line says slotted points use less memory: True")
def _(p):
    said = p.expect_last_line(r"slotted points use less memory: (True|False)",
                              "slotted points use less memory: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but the slotted points do use less memory. Compare the "
             "two peaks the right way round: `with_slots < with_dict`.")
