"""Checks for slots-at-scale: slotted and plain classes for points and
users, a traced_peak helper that really measures, and slotted instances
that cost less in bulk."""
import tracemalloc

from heapwise_check import check, fail

USER_FIELDS = ("user_id", "age", "score", "logins", "balance")
USER_VALUES = (100_001, 30, 1.5, 1_000, 2.5)


def instance(p, name, args):
    return p.get(name, type)(*args)


@check("SlottedPoint and SlottedUser use __slots__ (no per-instance __dict__)")
def _(p):
    for name, args in (("SlottedPoint", (1.0, 2.0, 3.0)), ("SlottedUser", USER_VALUES)):
        if hasattr(instance(p, name, args), "__dict__"):
            fail(f"`{name}` instances have a `__dict__`: list the attribute names in `__slots__` "
                 "in the class body.")


@check("User and SlottedUser keep user_id, age, score, logins and balance")
def _(p):
    for name in ("User", "SlottedUser"):
        user = instance(p, name, USER_VALUES)
        for field, wanted in zip(USER_FIELDS, USER_VALUES):
            if getattr(user, field, None) != wanted:
                fail(f"`{name}{USER_VALUES}.{field}` should be {wanted!r}: the five fields are "
                     f"{', '.join(USER_FIELDS)}, in that order.")


@check("traced_peak(build) returns the traced peak and stops tracing")
def _(p):
    traced_peak = p.get("traced_peak", callable)
    peak = traced_peak(lambda: len(bytearray(1_000_000)))
    if tracemalloc.is_tracing():
        fail("tracemalloc is still tracing after `traced_peak` returned: call `tracemalloc.stop()` "
             "once you have read the peak.")
    if not isinstance(peak, int) or isinstance(peak, bool):
        fail(f"`traced_peak` returned {peak!r}; it should return the peak in bytes, an int "
             "(`tracemalloc.get_traced_memory()[1]`).")
    if not 1_000_000 <= peak < 1_200_000:
        fail(f"For a build that briefly makes a 1,000,000-byte bytearray, `traced_peak` returned "
             f"{peak:,}. Start tracing just before `build()` and return the peak, not the current size.")


@check("slotted points and users peak lower than plain ones (measured here)")
def _(p):
    shapes = [
        ("10,000", 10_000, "Point", "SlottedPoint", lambda cls, i: cls(float(i), float(2 * i), float(3 * i))),
        ("20,000", 20_000, "User", "SlottedUser",
         lambda cls, i: cls(100_000 + i, 18 + i % 60, float(i % 100), 1_000 + i % 500, float(i))),
    ]
    said = []
    for count, n, plain_name, slotted_name, make in shapes:
        plain, slotted = p.get(plain_name, type), p.get(slotted_name, type)
        plain_peak = p.peak(f"{count} {plain_name}", lambda: [make(plain, i) for i in range(n)])
        slotted_peak = p.peak(f"{count} {slotted_name}", lambda: [make(slotted, i) for i in range(n)])
        if slotted_peak > 0.95 * plain_peak:
            fail(f"Measured here, {count} {slotted_name} peaked at {slotted_peak:,} bytes and {count} "
                 f"{plain_name} at {plain_peak:,}: the slotted class should be clearly smaller.")
        said.append(f"{count} {slotted_name}: {slotted_peak:,} vs {plain_peak:,} bytes")
    return "; ".join(said) + "."


@check("the last line says slots win at both sizes: True")
def _(p):
    said = p.expect_last_line(r"slots win at both sizes: (True|False)", "slots win at both sizes: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but the slotted classes win at both sizes. Check that "
             "the comparison is `slotted < plain` for points and for users.")
