# wrong: FixedUser lists "created" in its own __slots__ again although FixedModel declares it, so every user carries an unused slot (held-out round 7)
# fails: each slot is declared once along `FixedUser`'s classes: a subclass lists only the fields its base does not
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
print("User's MRO and who declares __slots__:")
for klass in User.__mro__:
    print(f"  {klass.__name__}: {'__slots__' in vars(klass)}")


class FixedModel:
    __slots__ = ("created", "__weakref__")

    def __init__(self, created):
        self.created = created

    def age(self, now):
        return now - self.created


class FixedUser(FixedModel):
    __slots__ = ("user_id", "name", "email", "created")

    def __init__(self, user_id, name, email, created):
        super().__init__(created)
        self.user_id = user_id
        self.name = name
        self.email = email


fixed = FixedUser(1, "ada", "ada@example.com", 1_700_000_000.0)
print(f"a FixedUser instance has a __dict__: {hasattr(fixed, '__dict__')}")
try:
    fixed.emial = "typo@example.com"
    print("the misspelt attribute went through")
except AttributeError as err:
    print(f"the misspelt attribute is refused: AttributeError: {err}")
print(f"age at 1,700,000,100: {fixed.age(1_700_000_100.0)}")
ref = weakref.ref(fixed)
print(f"weakref.ref(FixedUser) works: {ref() is fixed}")

# Limit 1: two bases with non-empty slots
class HasLeft:
    __slots__ = ("left",)


class HasRight:
    __slots__ = ("right",)


try:
    class Both(HasLeft, HasRight):
        __slots__ = ()
    print("combining two slotted bases worked")
except TypeError as err:
    print(f"two slotted bases: TypeError: {err}")


# Limit 2: no __weakref__ slot
class NoWeakRefs:
    __slots__ = ("value",)


try:
    weakref.ref(NoWeakRefs())
    print("weakref.ref worked without a __weakref__ slot")
except TypeError as err:
    print(f"weakref without a __weakref__ slot: TypeError: {err}")

# Pickle round trip
copy = pickle.loads(pickle.dumps(fixed))
fields = ("user_id", "name", "email", "created")
survived = all(getattr(copy, f) == getattr(fixed, f) for f in fields)
print(f"fields survived pickling: {survived}")


def peak_of(make, count=10_000):
    tracemalloc.start()
    built = [make(i) for i in range(count)]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del built
    return peak


user_peak = peak_of(lambda i: User(i, f"user{i}", f"user{i}@example.com", 1_700_000_000.0 + i))
fixed_peak = peak_of(lambda i: FixedUser(i, f"user{i}", f"user{i}@example.com", 1_700_000_000.0 + i))
print(f"peak of 10,000 User: {user_peak} bytes")
print(f"peak of 10,000 FixedUser: {fixed_peak} bytes")
no_dict = not hasattr(FixedUser(2, "b", "b@example.com", 0.0), "__dict__")
print(f"the fixed classes have no __dict__ and use less memory: {no_dict and fixed_peak < user_peak}")
