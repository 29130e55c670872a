# wrong: 2, allocated_by sums the total size (stat.size) of the lines that grew instead of their size_diff values.
# fails: `allocated_by` adds up only the positive `size_diff` values: what `build()` frees does not count against what it leaves
# reading: the users' field values are made per record from i (ints for user_id,
# age and logins, floats for score and balance).  "Compare it with the course's
# 703 KiB" is read as: print the floor in bytes and KiB beside 703 KiB
# (703 * 1024 bytes) and say which is larger.  Step 4 measures building the
# 10,000 unslotted points *and* calling vars(p) on each inside one allocated_by().
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
    grown = sum(stat.size for stat in after.compare_to(before, "lineno") if stat.size_diff > 0)
    del alive
    return grown


def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]


def users(cls, n):
    return [cls(100_000 + i, 18 + i % 60, (i % 1000) / 8, i % 500, i * 1.25) for i in range(n)]


def points_with_vars(n):
    pts = points(Point, n)
    for p in pts:
        vars(p)
    return pts


N_POINTS, N_USERS = 10_000, 200_000
table = {}
for shape, maker, n, plain, slotted in (("points", points, N_POINTS, Point, SlottedPoint),
                                         ("users", users, N_USERS, User, SlottedUser)):
    table[shape] = {
        "n": n,
        "plain": allocated_by(lambda: maker(plain, n)),
        "slotted": allocated_by(lambda: maker(slotted, n)),
    }

print(f"{'shape':<8}{'records':>9}{'plain B':>14}{'slotted B':>14}{'ratio':>8}{'saved/rec':>11}")
for shape, r in table.items():
    r["ratio"] = r["plain"] / r["slotted"]
    r["saved"] = (r["plain"] - r["slotted"]) / r["n"]
    print(f"{shape:<8}{r['n']:>9,}{r['plain']:>14,}{r['slotted']:>14,}{r['ratio']:>8.2f}{r['saved']:>11.1f}")

with_vars = allocated_by(lambda: points_with_vars(N_POINTS))
slotted_pts = table["points"]["slotted"]
print(f"\nunslotted points after vars(p) on each: {with_vars:,} B "
      f"({with_vars / slotted_pts:.2f}x the slotted {slotted_pts:,} B; "
      f"{with_vars - table['points']['plain']:+,} B against the unslotted figure without vars)")

sample = SlottedPoint(1.0, 2.0, 3.0)
per_point = sys.getsizeof(sample) + sum(sys.getsizeof(v) for v in (sample.x, sample.y, sample.z)) + 8
floor = per_point * N_POINTS
course = 703 * 1024
print(f"floor for {N_POINTS:,} slotted points: {per_point} B each "
      f"({sys.getsizeof(sample)} instance + 3 x {sys.getsizeof(1.0)} float + 8 list slot) "
      f"= {floor:,} B = {floor / 1024:.1f} KiB")
print(f"course's figure: 703 KiB = {course:,} B -> floor is "
      f"{'above' if floor > course else 'at or below'} it by {abs(floor - course) / 1024:.1f} KiB; "
      f"measured slotted points: {slotted_pts / 1024:.1f} KiB")

print("slots win at both sizes:", all(r["slotted"] < r["plain"] for r in table.values()))
