# wrong: the final verdict is overwritten inside the shape loop, so "slots win at both sizes" reports only the users' comparison; the points' comparison never reaches the last line
# fails: the program ends by saying whether slots win at both sizes, as measured
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
    total = 0
    for stat in after.compare_to(before, "lineno"):
        if stat.size_diff > 0:
            total += stat.size_diff
    del result
    return total

def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]

def users(cls, n):
    return [cls(i, 20 + i % 50, float(i % 100), i % 365, i * 1.25) for i in range(n)]

shapes = [
    ("points", 10_000, points, Point, SlottedPoint),
    ("users", 200_000, users, User, SlottedUser),
]
measured = {}
for label, n, maker, plain_cls, slot_cls in shapes:
    plain = allocated_by(lambda: maker(plain_cls, n))
    slotted = allocated_by(lambda: maker(slot_cls, n))
    measured[label] = (plain, slotted)
    print(f"{n:,} {label}: plain {plain:,} bytes, slotted {slotted:,} bytes, "
          f"ratio {plain / slotted:.2f}, saved {(plain - slotted) / n:.1f} bytes each")
    slots_win = slotted < plain

def points_then_vars():
    pts = points(Point, 10_000)
    for p in pts:
        vars(p)
    return pts

with_dicts = allocated_by(points_then_vars)
slotted_points = measured["points"][1]
print(f"plain points after vars(p) on each: {with_dicts:,} bytes, "
      f"{with_dicts - slotted_points:,} more than slotted")

sample = SlottedPoint(0.5, 1.5, 2.5)
per_instance = sys.getsizeof(sample)
per_floats = sys.getsizeof(sample.x) + sys.getsizeof(sample.y) + sys.getsizeof(sample.z)
floor = (per_instance + per_floats + 8) * 10_000
print(f"least 10,000 slotted points can cost: (instance {per_instance} + floats {per_floats} + slot 8) "
      f"* 10,000 = {floor:,} bytes ({floor / 1024:.1f} KiB, course says 703 KiB)")

print(f"slots win at both sizes: {slots_win}")
