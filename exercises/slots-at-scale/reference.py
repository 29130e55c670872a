"""Heapwise reference program for slots-at-scale (P7, L-fit §1, L-288 §2, L-ref exercise 2).

Measures, with tracemalloc, how much an unslotted class costs compared
with a slotted one when the program holds many instances: first 10,000
three-field points, then 200,000 five-field user records.
"""
import platform
import struct
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


def traced_peak(build):
    """Peak bytes traced while build() runs and its result is alive."""
    tracemalloc.start()
    result = build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak


def points(cls, n):
    return [cls(float(i), float(2 * i), float(3 * i)) for i in range(n)]


def points_with_dict_read(n):
    # Reading vars() forces CPython 3.11 to build a real dict per instance.
    made = points(Point, n)
    for p in made:
        vars(p)
    return made


def users(cls, n):
    return [cls(100_000 + i, 18 + i % 60, float(i % 100), 1_000 + i % 500, float(i)) for i in range(n)]


def report(label, n, unslotted, slotted):
    print(f"{n:,} {label}: {unslotted:,} vs {slotted:,} bytes peak, "
          f"{unslotted / slotted:.2f}x, {(unslotted - slotted) / n:.1f} bytes saved each")


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

n_points = 10_000
plain = traced_peak(lambda: points(Point, n_points))
slotted = traced_peak(lambda: points(SlottedPoint, n_points))
dict_read = traced_peak(lambda: points_with_dict_read(n_points))
report("points", n_points, plain, slotted)
print(f"{n_points:,} points after reading vars() on each: {dict_read:,} bytes peak, "
      f"{dict_read / slotted:.2f}x the slotted peak")

n_users = 200_000
plain_users = traced_peak(lambda: users(User, n_users))
slotted_users = traced_peak(lambda: users(SlottedUser, n_users))
report("five-field users", n_users, plain_users, slotted_users)

print(f"slots win at both sizes: {slotted < plain and slotted_users < plain_users}")
