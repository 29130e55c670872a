# wrong: step 2's allocated_by takes both snapshots and compares them, but then returns tracemalloc's current traced size instead of the sum of the positive size_diff values
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
    allocated, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    diffs = [st for st in after.compare_to(before, "lineno") if st.size_diff > 0]
    return allocated


def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]


def users(cls, n):
    return [cls(i, 18 + i % 60, i * 0.5, i % 1000, i * 1.25) for i in range(n)]


def points_after_vars(n):
    pts = points(Point, n)
    for p in pts:
        vars(p)
    return pts


p_plain = allocated_by(lambda: points(Point, 10_000))
p_slots = allocated_by(lambda: points(SlottedPoint, 10_000))
u_plain = allocated_by(lambda: users(User, 200_000))
u_slots = allocated_by(lambda: users(SlottedUser, 200_000))

print(f"Points: {p_plain} B plain, {p_slots} B with __slots__ "
      f"(ratio {p_plain / p_slots:.2f}, {(p_plain - p_slots) / 10_000:.1f} B saved per point).")
print(f"Users:  {u_plain} B plain, {u_slots} B with __slots__ "
      f"(ratio {u_plain / u_slots:.2f}, {(u_plain - u_slots) / 200_000:.1f} B saved per user).")

p_vars = allocated_by(lambda: points_after_vars(10_000))
print(f"Plain points with their __dict__ built: {p_vars} B, vs {p_slots} B slotted "
      f"({p_vars / p_slots:.2f}x).")

probe = SlottedPoint(1.0, 2.0, 3.0)
floor = (sys.getsizeof(probe) + 3 * sys.getsizeof(probe.x) + 8) * 10_000
print(f"Lower bound for 10,000 slotted points: {floor} B ({floor / 1024:.0f} KiB), course: 703 KiB.")

print(f"slots win at both sizes: {p_slots < p_plain and u_slots < u_plain}")
