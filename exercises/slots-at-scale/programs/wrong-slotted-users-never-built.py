# wrong: SlottedUser declares __slots__ but is never built: users() ignores the class it is given and builds User, so the 'slotted' users' figure is the plain class measured again (and 'slots win' is True by noise)
# fails: the slotted users' figure is what `allocated_by` returned for a build of slotted users: run again with slotted builds reported a hundred times larger, it moves
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
    alive = build()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(d.size_diff for d in after.compare_to(before, "lineno") if d.size_diff > 0)
    del alive
    return grown


def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]


def users(cls, n):
    return [User(i, 18 + i % 60, (i * 37) % 1000 / 10, i % 500, i * 1.25) for i in range(n)]


def compare(label, plain_cls, slim_cls, make, n):
    plain = allocated_by(lambda: make(plain_cls, n))
    slim = allocated_by(lambda: make(slim_cls, n))
    print(f"{label}: plain {plain} B, slotted {slim} B, ratio {plain / slim:.2f}x, saved {(plain - slim) / n:.1f} B per record")
    return plain, slim


pt_plain, pt_slim = compare("10,000 points", Point, SlottedPoint, points, 10_000)


def points_with_vars(n):
    made = points(Point, n)
    for p in made:
        vars(p)
    return made


pt_vars = allocated_by(lambda: points_with_vars(10_000))
print(f"10,000 plain points after vars(p) on each: {pt_vars} B (slotted: {pt_slim} B, {pt_vars / pt_slim:.2f}x)")

one = SlottedPoint(1.0, 2.0, 3.0)
per_point = sys.getsizeof(one) + 3 * sys.getsizeof(1.0) + 8
floor = per_point * 10_000
print(f"floor for 10,000 slotted points: {per_point} B each, {floor} B in all ({floor / 1024:.0f} KiB) vs the course's 703 KiB: measured {pt_slim} B")

us_plain, us_slim = compare("200,000 users", User, SlottedUser, users, 200_000)
print(f"slots win at both sizes: {pt_slim < pt_plain and us_slim < us_plain}")
