# wrong: measures 1,000 Users and 1,000 FixedUsers and prints ten times those peaks as the peaks of 10,000
# fails: the program builds 10,000 `User`s and 10,000 `FixedUser`s while it traces: run again counting them, at least 10,000 of each
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
print("User's MRO:", [cls.__name__ for cls in User.__mro__], "- Model has no __slots__")


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
print(f"a FixedUser instance has a __dict__: {hasattr(fixed, '__dict__')}")
try:
    fixed.emial = "typo@example.com"
except AttributeError as err:
    print(f"the typo is caught now: {err}")
print("weak reference works:", weakref.ref(fixed)() is fixed)


class Left:
    __slots__ = ("a",)


class Right:
    __slots__ = ("b",)


try:
    class Both(Left, Right):
        pass
except TypeError as err:
    print(f"two slotted bases: TypeError: {err}")


class NoWeak:
    __slots__ = ("v",)


try:
    weakref.ref(NoWeak())
except TypeError as err:
    print(f"weakref without a __weakref__ slot: TypeError: {err}")

back = pickle.loads(pickle.dumps(fixed))
same = (back.user_id, back.name, back.email, back.created) == (fixed.user_id, fixed.name, fixed.email, fixed.created)
print(f"fields survive pickling: {same}")


def peak(build):
    tracemalloc.start()
    made = build()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del made
    return top


old = peak(lambda: [User(i, "user", "user@example.com", 1.7e9 + i) for i in range(1_000)]) * 10  # 1,000 measured, x10
new = peak(lambda: [FixedUser(i, "user", "user@example.com", 1.7e9 + i) for i in range(1_000)]) * 10
print(f"peak of 10,000 Users: {old:,} bytes")
print(f"peak of 10,000 FixedUsers: {new:,} bytes")
no_dict = not hasattr(FixedUser(2, "b", "b@x", 0.0), "__dict__")
print(f"the fixed classes have no __dict__ and use less memory: {no_dict and new < old}")
