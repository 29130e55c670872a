"""Heapwise reference program for slots-at-scale (P7, L-fit §1, L-288 §2, L-ref exercise 2).

Measures, with tracemalloc snapshots compared as the course's P7 does, how
much an unslotted class costs compared with a slotted one when the program
holds many instances: first 10,000 three-field points, then 200,000
five-field user records. Also prints the least that 10,000 slotted points
can cost, which the course's 703 KiB is below.
"""
import gc
import platform
import sys
import struct
import time
import tracemalloc

REPEATS = 5  # timed rounds; the fastest is the least disturbed by the rest of the machine


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
    """Bytes that build() leaves allocated, the course's P7 way: a snapshot
    before, one after (while the result is alive), compared line by line,
    summing only the lines that grew."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    result = build()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "lineno") if stat.size_diff > 0)
    del result
    return grown


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


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


def report(label, n, unslotted, slotted):
    print(f"{n:,} {label}: {unslotted:,} vs {slotted:,} bytes allocated, "
          f"{unslotted / slotted:.2f}x, {(unslotted - slotted) / n:.1f} bytes saved each")


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

n_points = 10_000
plain = allocated_by(lambda: points(Point, n_points))
slotted = allocated_by(lambda: points(SlottedPoint, n_points))
dict_read = allocated_by(lambda: points_with_dict_read(n_points))
report("points", n_points, plain, slotted)
print(f"{n_points:,} points after reading vars() on each: {dict_read:,} bytes allocated, "
      f"{dict_read / slotted:.2f}x the slotted figure")

# The least 10,000 slotted points can cost: each instance, its three float
# objects and its slot in the list.
one = sys.getsizeof(SlottedPoint(0.5, 1.5, 2.5)) + 3 * sys.getsizeof(0.5) + struct.calcsize("P")
course_slotted = 703 * 1024
print(f"floor for one slotted point: {sys.getsizeof(SlottedPoint(0.5, 1.5, 2.5))} (instance) + "
      f"3 x {sys.getsizeof(0.5)} (floats) + {struct.calcsize('P')} (list slot) = {one} bytes")
print(f"floor for {n_points:,} slotted points: {one * n_points:,} bytes; "
      f"the course's 703 KiB is {course_slotted:,} bytes, {course_slotted / (one * n_points):.2f} of the floor")
print(f"the course's ratio for the points: 3.9x; measured here: {plain / slotted:.2f}x")

n_users = 200_000
plain_users = allocated_by(lambda: users(User, n_users))
slotted_users = allocated_by(lambda: users(SlottedUser, n_users))
report("five-field users", n_users, plain_users, slotted_users)

# Building the slotted users and adding up every field of every user (each
# as a whole number), timed with tracemalloc off: the page sets this figure
# beside the Rust variant that builds as many five-field structs and sums them.
micros = best_time_us(lambda: sum(u.user_id + u.age + int(u.score) + u.logins + int(u.balance)
                                  for u in users(SlottedUser, n_users)))
fields = len(SlottedUser.__slots__)
print(f"timing: variant optimized at n={n_users}, fields={fields}: {micros:.1f} us per call, best of {REPEATS} "
      "(tracemalloc off)")
print(f"slots win at both sizes: {slotted < plain and slotted_users < plain_users}")
