# wrong: the layout-conflict TypeError is shown with the built-in bases int and str, not with two classes that declare non-empty __slots__ (honest slip: any two fixed-layout bases read as 'two slotted bases')
# fails: each TypeError printed is the one the program got: run again with those errors saying something else, the printed lines change
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
print("classes along User's MRO that declare __slots__:",
      [cls.__name__ for cls in User.__mro__ if "__slots__" in vars(cls)])


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


def slot_names(cls):
    return [name for klass in reversed(cls.__mro__)
            for name in vars(klass).get("__slots__", ()) if name != "__weakref__"]


fixed = FixedUser(1, "ada", "ada@example.com", 1_700_000_000.0)
try:
    fixed.emial = "typo@example.com"
except AttributeError as exc:
    print(f"the misspelt attribute is refused: AttributeError: {exc}")
alive = weakref.ref(fixed)
print(f"weakref.ref(FixedUser(...)) works: {alive() is fixed}")

try:
    class Both(int, str):  # two bases that each fix their own instance layout
        pass
except TypeError as exc:
    print(f"two slotted bases: TypeError: {exc}")


class Point:
    __slots__ = ("x", "y")


try:
    weakref.ref(Point())
except TypeError as exc:
    print(f"weakref.ref without a __weakref__ slot: TypeError: {exc}")

copy = pickle.loads(pickle.dumps(fixed))
fields = slot_names(FixedUser)
survived = all(getattr(copy, f) == getattr(fixed, f) for f in fields)
print(f"pickled and loaded back, fields {fields} survive: {survived}")


def build_peak(cls, count=10_000):
    tracemalloc.start()
    crowd = [cls(i, f"user{i}", f"user{i}@example.com", 1_700_000_000.0 + i)
             for i in range(count)]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del crowd
    return peak


user_peak = build_peak(User)
fixed_peak = build_peak(FixedUser)
print(f"peak of 10,000 Users:      {user_peak:,} bytes")
print(f"peak of 10,000 FixedUsers: {fixed_peak:,} bytes")
print(f"saved per user: {(user_peak - fixed_peak) / 10_000:.1f} bytes")
no_dict = not any(hasattr(obj, "__dict__") for obj in (fixed, FixedModel(0.0)))
print("the fixed classes have no __dict__ and use less memory:",
      no_dict and fixed_peak < user_peak)
