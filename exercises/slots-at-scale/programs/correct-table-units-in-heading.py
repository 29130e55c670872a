# correct: held-out round 12 (tester B): the figures as a table whose heading names the unit once ("plain KiB"), a context manager of its own measuring
import sys
import tracemalloc


class Point:
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


class SlottedPoint:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


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
    alive = build()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(d.size_diff for d in after.compare_to(before, "lineno") if d.size_diff > 0)
    del alive
    return grown


def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]


def users(cls, n):
    return [cls(100_000 + i, 18 + i % 70, i * 1.5, i % 365, float(i) * 10.25) for i in range(n)]


def points_with_dicts(n):
    pts = points(Point, n)
    for p in pts:
        vars(p)
    return pts


SHAPES = [("points", points, Point, SlottedPoint, 10_000), ("users", users, User, SlottedUser, 200_000)]
table = []
for shape, maker, plain_cls, slot_cls, count in SHAPES:
    plain_b = allocated_by(lambda: maker(plain_cls, count))
    slot_b = allocated_by(lambda: maker(slot_cls, count))
    table.append((shape, count, plain_b, slot_b))

print(f"{'shape':<8}{'records':>9}{'plain KiB':>12}{'slots KiB':>12}{'ratio':>7}{'saved B/rec':>13}")
for shape, count, plain_b, slot_b in table:
    print(f"{shape:<8}{count:>9,}{plain_b / 1024:>12.1f}{slot_b / 1024:>12.1f}"
          f"{plain_b / slot_b:>7.2f}{(plain_b - slot_b) / count:>13.1f}")

point_slots = table[0][3]
with_dicts = allocated_by(lambda: points_with_dicts(10_000))
print(f"plain points after vars(p) on each: {with_dicts / 1024:.1f} KiB, "
      f"{with_dicts / point_slots:.2f}x the slotted {point_slots / 1024:.1f} KiB")

probe = SlottedPoint(1.0, 2.0, 3.0)
per_point = sys.getsizeof(probe) + sum(sys.getsizeof(getattr(probe, f)) for f in SlottedPoint.__slots__) + 8
floor = per_point * 10_000
COURSE_KIB = 703
print(f"floor for 10,000 slotted points: {per_point} B each, {floor:,} B = {floor / 1024:.1f} KiB; "
      f"course says {COURSE_KIB} KiB, which is {'below' if COURSE_KIB * 1024 < floor else 'not below'} the floor")

print("slots win at both sizes: ", all(slot_b < plain_b for _, _, plain_b, slot_b in table), sep="")
