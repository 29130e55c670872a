# wrong: the last line's True is typed, not computed from hasattr and the two peaks
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
print(f"User has __dict__: {hasattr(user, '__dict__')}")
user.emial = "typo@example.com"
print(f"its __dict__: {vars(user)}")


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


fixed = FixedUser(1, "ada", "ada@example.com", 1_700_000_000.0)
print("FixedUser has __dict__:", hasattr(fixed, "__dict__"))
try:
    fixed.emial = "typo@example.com"
except AttributeError as err:
    print("misspelt attribute now refused:", err)
ref = weakref.ref(fixed)
print("weak reference works:", ref() is fixed)
print("age:", fixed.age(1_700_000_100.0))

class HasA:
    __slots__ = ("a",)

class HasB:
    __slots__ = ("b",)

try:
    class Both(HasA, HasB):
        pass
except TypeError as err:
    print("two slotted bases:", err)

class NoWeak:
    __slots__ = ("v",)

try:
    weakref.ref(NoWeak())
except TypeError as err:
    print("weakref without a __weakref__ slot:", err)

back = pickle.loads(pickle.dumps(fixed))
same = all(getattr(back, f) == getattr(fixed, f) for f in ("user_id", "name", "email", "created"))
print("fields survive pickling:", same)


def peak(cls):
    tracemalloc.start()
    people = [cls(i, f"user{i}", f"user{i}@example.com", 1_700_000_000.0 + i) for i in range(10_000)]
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del people
    return top

old_peak = peak(User)
new_peak = peak(FixedUser)
print(f"peak of 10,000 User: {old_peak} B; of 10,000 FixedUser: {new_peak} B")
print("the fixed classes have no __dict__ and use less memory: True")
