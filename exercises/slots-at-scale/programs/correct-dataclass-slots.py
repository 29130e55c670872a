# correct: written from the task alone, another way: dataclasses (slots=True for the slotted ones, 3.10 and later; plain __slots__ classes otherwise), allocated_by with a generator expression over compare_to, a results table printed with format specs, the floor in KiB, the conclusion from a list of booleans
import sys
import tracemalloc
from dataclasses import dataclass


@dataclass
class Point3:
    x: float
    y: float
    z: float


class SlimPoint3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


@dataclass
class Customer:
    user_id: int
    age: int
    score: float
    logins: int
    balance: float


class SlimCustomer:
    __slots__ = ("user_id", "age", "score", "logins", "balance")

    def __init__(self, user_id, age, score, logins, balance):
        self.user_id, self.age, self.score = user_id, age, score
        self.logins, self.balance = logins, balance


def allocated_by(build):
    tracemalloc.start()
    try:
        earlier = tracemalloc.take_snapshot()
        keep = build()
        later = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    grew = sum(d.size_diff for d in later.compare_to(earlier, "lineno") if d.size_diff > 0)
    del keep
    return grew


def make_points(kind, count):
    return [kind(float(i), float(2 * i), float(3 * i)) for i in range(count)]


def make_customers(kind, count):
    return [kind(500_000 + i, 20 + i % 50, i * 0.25, 300 + i % 700, i * 1.5) for i in range(count)]


wins = []
for title, plain, slim, maker, count in (("points", Point3, SlimPoint3, make_points, 10_000),
                                         ("users", Customer, SlimCustomer, make_customers, 200_000)):
    fat = allocated_by(lambda: maker(plain, count))
    thin = allocated_by(lambda: maker(slim, count))
    wins.append(thin < fat)
    print(f"{count:>7,} {title:<6} plain {fat:>12,} B | slotted {thin:>12,} B | "
          f"x{fat / thin:.2f} | {(fat - thin) / count:.1f} B saved each")


def points_with_dicts():
    made = make_points(Point3, 10_000)
    for one in made:
        vars(one)
    return made


print(f"10,000 plain points after vars() on each: {allocated_by(points_with_dicts):,} B "
      f"(slotted: {allocated_by(lambda: make_points(SlimPoint3, 10_000)):,} B)")
floor = 10_000 * (sys.getsizeof(SlimPoint3(0.0, 1.0, 2.0)) + 3 * sys.getsizeof(1.0) + 8)
print(f"floor for 10,000 slotted points: {floor / 1024:.1f} KiB, against the course's 703 KiB")
print("slots win at both sizes:", all(wins))
