# correct: written from the task alone; tracemalloc's functions imported by name, a gc.collect() between start and the first snapshot, max(0, size_diff) summed, starter class names
import gc
import sys
from tracemalloc import start, stop, take_snapshot


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
    start()
    gc.collect()
    before = take_snapshot()
    result = build()
    after = take_snapshot()
    stop()
    del result
    return sum(max(0, stat.size_diff) for stat in after.compare_to(before, "lineno"))


def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]


def users(cls, n):
    return [cls(i, 20 + i % 60, i * 0.5, i % 1000, float(i) * 3.25) for i in range(n)]


def report(what, n, plain, slotted):
    print(f"{what}: plain {plain:,} B, slotted {slotted:,} B, "
          f"ratio {plain / slotted:.2f}x, saved {(plain - slotted) / n:.1f} B per record")


N_POINTS = 10_000
N_USERS = 200_000

plain_points = allocated_by(lambda: points(Point, N_POINTS))
slotted_points = allocated_by(lambda: points(SlottedPoint, N_POINTS))
report("10,000 points", N_POINTS, plain_points, slotted_points)


def points_with_dicts():
    made = points(Point, N_POINTS)
    for p in made:
        vars(p)
    return made


with_dicts = allocated_by(points_with_dicts)
print(f"plain points after vars(p): {with_dicts:,} B, {with_dicts / slotted_points:.2f}x the slotted figure")

one = SlottedPoint(1.0, 2.0, 3.0)
floor = N_POINTS * (sys.getsizeof(one) + 3 * sys.getsizeof(1.0) + 8)
print(f"least for 10,000 slotted points: {floor / 1024:.1f} KiB (the course measured 703 KiB)")

plain_users = allocated_by(lambda: users(User, N_USERS))
slotted_users = allocated_by(lambda: users(SlottedUser, N_USERS))
report("200,000 users", N_USERS, plain_users, slotted_users)

print(f"slots win at both sizes: {slotted_points < plain_points and slotted_users < plain_users}")
