# correct: slots as tuples, __weakref__ in FixedModel, the misspelt attribute tried on a FixedUser, the two limits with classes named Left/Right and NoWeak, pickle through dumps/loads compared field by field with all(), a peak helper with a list comprehension
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
user.emial = "typo@example.com"
print(f"what its __dict__ holds: {vars(user)}")


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


fixed = FixedUser(2, "bob", "bob@example.com", 1_700_000_100.0)
print("FixedUser has __dict__:", hasattr(fixed, "__dict__"))
try:
    fixed.emial = "x"
except AttributeError as err:
    print("misspelt attribute refused:", err)
print("weak reference works:", weakref.ref(fixed)() is fixed)


class Left:
    __slots__ = ("a",)


class Right:
    __slots__ = ("b",)


try:
    class Both(Left, Right):
        pass
except TypeError as err:
    print("two slotted bases:", err)


class NoWeak:
    __slots__ = ("v",)


try:
    weakref.ref(NoWeak())
except TypeError as err:
    print("weakref without __weakref__ slot:", err)

copy = pickle.loads(pickle.dumps(fixed))
fields = ("user_id", "name", "email", "created")
survived = all(getattr(copy, f) == getattr(fixed, f) for f in fields)
print("pickled FixedUser fields survived:", survived)


def peak(cls):
    tracemalloc.start()
    people = [cls(i, f"user{i}", f"user{i}@example.com", 1_700_000_000.0 + i) for i in range(10_000)]
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del people
    return top


user_peak = peak(User)
fixed_peak = peak(FixedUser)
print(f"10,000 Users: {user_peak} bytes at peak")
print(f"10,000 FixedUsers: {fixed_peak} bytes at peak")
print("the fixed classes have no __dict__ and use less memory:",
      not hasattr(fixed, "__dict__") and fixed_peak < user_peak)
