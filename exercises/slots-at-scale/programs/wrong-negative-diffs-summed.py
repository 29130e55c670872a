# wrong: allocated_by adds up every size_diff of the comparison, the negative ones (what the build freed) included, not only the positive ones
# fails: `allocated_by` adds up only the positive `size_diff` values: what `build()` frees does not count against what it leaves
import sys
import tracemalloc


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class SlottedPoint:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class User:
    def __init__(self, user_id, age, score, logins, balance):
        self.user_id = user_id
        self.age = age
        self.score = score
        self.logins = logins
        self.balance = balance


class SlottedUser:
    __slots__ = ("user_id", "age", "score", "logins", "balance")

    def __init__(self, user_id, age, score, logins, balance):
        self.user_id = user_id
        self.age = age
        self.score = score
        self.logins = logins
        self.balance = balance


def allocated_by(build):
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    result = build()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(d.size_diff for d in after.compare_to(before, "lineno"))
    del result
    return grown


def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]


def users(cls, n):
    return [cls(i, 18 + i % 60, i * 0.75, i % 1000, i * 1.25) for i in range(n)]


def with_dicts(n):
    pts = points(Point, n)
    for p in pts:
        vars(p)
    return pts


def show(label, plain, slotted, n):
    print(f"{label}: plain {plain:,} B, slotted {slotted:,} B, ratio {plain / slotted:.2f}x, "
          f"{(plain - slotted) / n:.1f} B saved per record")


NP, NU = 10_000, 200_000
p_plain = allocated_by(lambda: points(Point, NP))
p_slot = allocated_by(lambda: points(SlottedPoint, NP))
show("10,000 points", p_plain, p_slot, NP)
u_plain = allocated_by(lambda: users(User, NU))
u_slot = allocated_by(lambda: users(SlottedUser, NU))
show("200,000 users", u_plain, u_slot, NU)

p_vars = allocated_by(lambda: with_dicts(NP))
print(f"plain points after vars(p) on each: {p_vars:,} B, {p_vars / p_slot:.2f}x the slotted figure")

probe = SlottedPoint(1.0, 2.0, 3.0)
floor = NP * (sys.getsizeof(probe) + 3 * sys.getsizeof(1.0) + 8)
print(f"floor for 10,000 slotted points: {floor:,} B ({floor / 1024:.0f} KiB) against the course's 703 KiB: "
      f"{'below' if floor / 1024 < 703 else 'not below'}")
print(f"slots win at both sizes: {p_slot < p_plain and u_slot < u_plain}")
