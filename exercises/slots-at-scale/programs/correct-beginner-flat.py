# correct: beginner flat script - while-loop builders written out per class, % and + printing, list slot measured from two list sizes
import sys
import tracemalloc

class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

class SlottedPoint:
    __slots__ = ["x", "y", "z"]
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
    __slots__ = ["user_id", "age", "score", "logins", "balance"]
    def __init__(self, user_id, age, score, logins, balance):
        self.user_id = user_id
        self.age = age
        self.score = score
        self.logins = logins
        self.balance = balance

def allocated_by(build):
    tracemalloc.start()
    snap_a = tracemalloc.take_snapshot()
    thing = build()
    snap_b = tracemalloc.take_snapshot()
    tracemalloc.stop()
    total = 0
    for d in snap_b.compare_to(snap_a, "lineno"):
        if d.size_diff > 0:
            total = total + d.size_diff
    thing = None
    return total

def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]

def users(cls, n):
    out = []
    i = 0
    while i < n:
        out.append(cls(i, 20 + i % 50, i / 4, i % 365, i * 2.5))
        i = i + 1
    return out

def plain_points():
    return points(Point, 10000)

def slotted_points():
    return points(SlottedPoint, 10000)

def plain_points_with_vars():
    pts = points(Point, 10000)
    j = 0
    while j < len(pts):
        vars(pts[j])
        j = j + 1
    return pts

def plain_users():
    return users(User, 200000)

def slotted_users():
    return users(SlottedUser, 200000)

# points
p_plain = allocated_by(plain_points)
p_slot = allocated_by(slotted_points)
print("10000 points, plain:   %d bytes" % p_plain)
print("10000 points, slotted: %d bytes" % p_slot)
print("ratio plain/slotted: %.2f, saved per point: %.1f bytes" % (p_plain / p_slot, (p_plain - p_slot) / 10000))

# points again, but with vars(p) called on each one
p_vars = allocated_by(plain_points_with_vars)
print("10000 plain points after vars(p): %d bytes, that is %d bytes more than slotted" % (p_vars, p_vars - p_slot))

# the smallest 10000 slotted points can be
one = SlottedPoint(1.0, 2.0, 3.0)
inst = sys.getsizeof(one)
fl = sys.getsizeof(one.x) + sys.getsizeof(one.y) + sys.getsizeof(one.z)
slot = sys.getsizeof([None, None]) - sys.getsizeof([None])
least = (inst + fl + slot) * 10000
print("least for 10000 slotted points: (" + str(inst) + " + " + str(fl) + " + " + str(slot) + ") * 10000 = " + str(least) + " bytes")
print("that is %.1f KiB, the course said 703 KiB, so the course is too low: %s" % (least / 1024.0, least > 703 * 1024))

# users
u_plain = allocated_by(plain_users)
u_slot = allocated_by(slotted_users)
print("200000 users, plain:   %d bytes" % u_plain)
print("200000 users, slotted: %d bytes" % u_slot)
print("ratio plain/slotted: %.2f, saved per user: %.1f bytes" % (u_plain / u_slot, (u_plain - u_slot) / 200000))
# my note: compare saved bytes per record for 3 and 5 fields
print("saved per record, 3 fields vs 5 fields: %.1f vs %.1f" % ((p_plain - p_slot) / 10000, (u_plain - u_slot) / 200000))

print("slots win at both sizes: " + str(p_slot < p_plain and u_slot < u_plain))
