# wrong: the 'no __dict__' part of the last line only reads FixedUser's own __slots__ tuple, never whether an instance (or any base) has a __dict__, so it says True for a FixedUser whose base lost its slots
# fails: the last line follows the program's own look at its classes: run again with a `FixedUser`, or a `FixedModel` under it, that has a `__dict__`, it says False
import pickle
import sys
import tracemalloc
import weakref


class Model:
    def __init__(self, created):
        self.created = created

    def age(self, now):
        return now - self.created


class User(Model):
    __slots__ = ("user_id", "name", "email")

    def __init__(self, user_id, name, email, created):
        super().__init__(created)
        self.user_id = user_id
        self.name = name
        self.email = email


user = User(1, "ada", "ada@example.com", 1_700_000_000.0)
print(f"a User instance has a __dict__: {hasattr(user, '__dict__')}")
user.emial = "typo@example.com"  # misspelt, and nothing complains
print(f"what its __dict__ holds: {vars(user)}")
print("User MRO:", [c.__name__ for c in User.__mro__],
      "slotted:", [("__slots__" in vars(c)) for c in User.__mro__[:-1]])


class FixedModel:
    __slots__ = ("created", "__weakref__")

    def __init__(self, created):
        self.created = created

    def age(self, now):
        return now - self.created


class FixedUser(FixedModel):
    __slots__ = ("user_id", "name", "email")

    def __init__(self, user_id, name, email, created):
        super().__init__(created)
        self.user_id = user_id
        self.name = name
        self.email = email


fu = FixedUser(2, "grace", "grace@example.com", 1_700_000_000.0)
try:
    fu.emial = "typo"
    print("misspelt attribute accepted")
except AttributeError as exc:
    print(f"misspelt attribute refused: {exc}")
print("weakref works:", weakref.ref(fu)() is fu)

# limit 1: two bases with non-empty slots
class Left:
    __slots__ = ("x",)

class Right:
    __slots__ = ("y",)

try:
    class Both(Left, Right):
        pass
except TypeError as exc:
    print(f"two slotted bases: TypeError: {exc}")

# limit 2: weakref on a slotted class without __weakref__
class Point:
    __slots__ = ("x", "y")

try:
    weakref.ref(Point())
except TypeError as exc:
    print(f"weakref without __weakref__ slot: TypeError: {exc}")

FIELDS = ("user_id", "name", "email", "created")
clone = pickle.loads(pickle.dumps(fu))
survived = all(getattr(clone, f) == getattr(fu, f) for f in FIELDS)
print(f"pickled FixedUser fields survive: {survived}")

N = 10_000


def peak_of(cls):
    tracemalloc.start()
    tracemalloc.reset_peak()
    built = [cls(i, f"user{i}", f"user{i}@example.com", 1_700_000_000.0 + i) for i in range(N)]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del built
    return peak


user_peak = peak_of(User)
fixed_peak = peak_of(FixedUser)
print(f"peak of {N:,} Users: {user_peak:,} bytes ({user_peak / N:.1f} per user)")
print(f"peak of {N:,} FixedUsers: {fixed_peak:,} bytes ({fixed_peak / N:.1f} per user)")

probe = FixedUser(3, "x", "x@x", 0.0)
own_slots = vars(FixedUser).get("__slots__", ())
no_dict = bool(own_slots) and "__dict__" not in own_slots and probe is not None
print(f"the fixed classes have no __dict__ and use less memory: {no_dict and fixed_peak < user_peak}")
