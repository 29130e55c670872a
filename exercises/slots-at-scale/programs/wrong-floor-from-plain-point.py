# wrong: the floor's instance size is sys.getsizeof of a plain Point, not of a slotted point (equal by accident on 3.11, 48 vs 56 on 3.12)
# fails: the floor for 10,000 slotted points and its parts follow `sys.getsizeof` of a slotted point: run again with it answering 1,000 bytes more (1,500 for a slotted point), they move
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
    stats = after.compare_to(before, "lineno")
    del result
    return sum(s.size_diff for s in stats if s.size_diff > 0)


def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]


def users(cls, n):
    return [cls(i, 18 + i % 70, i / 7, i % 500, i * 1.5) for i in range(n)]


def touched(n):
    pts = points(Point, n)
    for p in pts:
        vars(p)
    return pts


N = 10_000
plain_pts = allocated_by(lambda: points(Point, N))
slot_pts = allocated_by(lambda: points(SlottedPoint, N))
print(f"{N:,} points: plain {plain_pts:,} B, slotted {slot_pts:,} B, "
      f"ratio {plain_pts / slot_pts:.2f}, saved {(plain_pts - slot_pts) / N:.1f} B per point")

after_vars = allocated_by(lambda: touched(N))
print(f"plain points after vars(p): {after_vars:,} B vs slotted {slot_pts:,} B")

one = points(Point, 1)[0]
inst = sys.getsizeof(one)
flts = sys.getsizeof(one.x) + sys.getsizeof(one.y) + sys.getsizeof(one.z)
floor = (inst + flts + 8) * N
print(f"floor for {N:,} slotted points: ({inst} + {flts} + 8) x {N:,} = {floor:,} B "
      f"= {floor / 1024:.0f} KiB vs the course's 703 KiB")

U = 200_000
plain_users = allocated_by(lambda: users(User, U))
slot_users = allocated_by(lambda: users(SlottedUser, U))
print(f"{U:,} users: plain {plain_users:,} B, slotted {slot_users:,} B, "
      f"ratio {plain_users / slot_users:.2f}, saved {(plain_users - slot_users) / U:.1f} B per user")

print("slots win at both sizes:", slot_pts < plain_pts and slot_users < plain_users)
