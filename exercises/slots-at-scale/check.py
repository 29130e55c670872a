"""Checks for slots-at-scale: slotted and plain classes for points and
users, an allocated_by helper that compares two snapshots as the course's
P7 does, and slotted instances that cost less in bulk."""
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


@check("allocated_by(build) sums the lines that grew between two snapshots, and stops tracing")
def _(p):
    allocated_by = p.get("allocated_by", callable)
    kept = allocated_by(lambda: bytearray(1_000_000))
    if tracemalloc.is_tracing():
        fail("tracemalloc is still tracing after `allocated_by` returned: call `tracemalloc.stop()` "
             "once you have compared the snapshots.")
    if not isinstance(kept, int) or isinstance(kept, bool):
        fail(f"`allocated_by` returned {kept!r}; it should return bytes, an int (the sum of the "
             "positive `size_diff` values).")
    if not 1_000_000 <= kept < 1_200_000:
        fail(f"For a build that returns a 1,000,000-byte bytearray, `allocated_by` returned {kept:,}. "
             "Take the second snapshot while the result is still alive, compare it with the first "
             "(`after.compare_to(before, 'lineno')`) and add up the positive `size_diff` values.")
    dropped = allocated_by(lambda: len(bytearray(1_000_000)))
    if dropped >= 500_000:
        fail(f"For a build that makes a 1,000,000-byte bytearray and drops it before returning, "
             f"`allocated_by` returned {dropped:,}: that is the peak, not what the build left "
             "allocated. Compare a snapshot taken before `build()` with one taken after it.")


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
