# correct: straight-line script, classes with explicit __init__ order, % formatting sentences
import sys
import tracemalloc

class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

class SlottedPoint:
    __slots__ = "x", "y", "z"
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

class User:
    def __init__(self, user_id, age, score, logins, balance):
        self.user_id, self.age, self.score = user_id, age, score
        self.logins, self.balance = logins, balance

class SlottedUser:
    __slots__ = ["user_id", "age", "score", "logins", "balance"]
    def __init__(self, user_id, age, score, logins, balance):
        self.user_id, self.age, self.score = user_id, age, score
        self.logins, self.balance = logins, balance

def allocated_by(build):
    tracemalloc.start()
    first = tracemalloc.take_snapshot()
    alive = build()
    second = tracemalloc.take_snapshot()
    tracemalloc.stop()
    total = 0
    for stat in second.compare_to(first, "lineno"):
        if stat.size_diff > 0:
            total += stat.size_diff
    del alive
    return total

def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]

def users(cls, n):
    out = []
    for i in range(n):
        out.append(cls(10_000 + i, 20 + i % 50, float(i % 1000), i % 37, i * 1.5))
    return out

def touched_points():
    made = points(Point, 10_000)
    for p in made:
        vars(p)
    return made

a = allocated_by(lambda: points(Point, 10_000))
b = allocated_by(lambda: points(SlottedPoint, 10_000))
print("10,000 points: plain %d bytes, slotted %d bytes, ratio %.2f, %.1f bytes saved per point"
      % (a, b, a / b, (a - b) / 10_000))
c = allocated_by(lambda: users(User, 200_000))
d = allocated_by(lambda: users(SlottedUser, 200_000))
print("200,000 users: plain %d bytes, slotted %d bytes, ratio %.2f, %.1f bytes saved per user"
      % (c, d, c / d, (c - d) / 200_000))
e = allocated_by(touched_points)
print("10,000 plain points after vars(p): %d bytes, which is %d bytes more than slotted (%.2fx)"
      % (e, e - b, e / b))
one = SlottedPoint(0.5, 1.5, 2.5)
least = (sys.getsizeof(one) + sys.getsizeof(one.x) + sys.getsizeof(one.y) + sys.getsizeof(one.z) + 8) * 10_000
print("least possible for 10,000 slotted points: %d bytes (%.1f KiB) against the course's 703 KiB"
      % (least, least / 1024))
print("slots win at both sizes: %s" % (b < a and d < c))
