# wrong: the naive form under the technique's name: the 'slotted' classes declare __slots__ but derive from a base without them, so every instance still has a __dict__
# fails: a plain class and a `__slots__` class (no per-instance `__dict__`) hold x, y and z
# fails: a plain class and a `__slots__` class (no per-instance `__dict__`) hold user_id, age, score, logins and balance
import sys
import tracemalloc


class Record:
    pass


def make_class(name, fields, slotted):
    def __init__(self, *values):
        for field, value in zip(fields, values):
            setattr(self, field, value)
    body = {"__init__": __init__}
    if slotted:
        body["__slots__"] = tuple(fields)
    return type(name, (Record,), body)  # a base without __slots__: every instance still gets a __dict__


P3 = make_class("P3", ("x", "y", "z"), False)
P3Slots = make_class("P3Slots", ("x", "y", "z"), True)
Account = make_class("Account", ("user_id", "age", "score", "logins", "balance"), False)
AccountSlots = make_class("AccountSlots", ("user_id", "age", "score", "logins", "balance"), True)


def allocated_by(build):
    tracemalloc.start()
    first = tracemalloc.take_snapshot()
    alive = build()
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = 0
    for diff in second.compare_to(first, "lineno"):
        if diff.size_diff > 0:
            grown += diff.size_diff
    del alive
    return grown


def build_points(cls, n):
    out = []
    i = 0
    while i < n:
        out.append(cls(float(i), float(2 * i), float(3 * i)))
        i += 1
    return out


def build_users(cls, n):
    return [cls(i, 18 + i % 70, float(i % 100), i % 50, i / 4) for i in range(n)]


results = {}
for label, plain, slotted, build, n in (
        ("points", P3, P3Slots, build_points, 10_000),
        ("users", Account, AccountSlots, build_users, 200_000)):
    a = allocated_by(lambda: build(plain, n))
    b = allocated_by(lambda: build(slotted, n))
    results[label] = (a, b)
    print(label, "unslotted:", a, "slotted:", b, "ratio: %.2f" % (a / b), "saved per record: %.0f" % ((a - b) / n))


def asked_for_dicts():
    pts = build_points(P3, 10_000)
    for p in pts:
        vars(p)
    return pts


again = allocated_by(asked_for_dicts)
print("points again, every __dict__ built:", again, "bytes vs slotted", results["points"][1])

least = 10_000 * (sys.getsizeof(P3Slots(0.0, 0.0, 0.0)) + 3 * sys.getsizeof(0.0) + 8)
print("floor for 10,000 slotted points:", least, "bytes; course: 703 KiB =", 703 * 1024, "bytes")

both = all(b < a for a, b in results.values())
print("Slots win at both sizes =", both)
