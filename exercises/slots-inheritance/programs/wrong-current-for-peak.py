# wrong: step 5, the printed figures are tracemalloc's current size after building, not the peak
# fails: the program ends by saying whether the fixed classes have no `__dict__` and use less memory, as measured
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


fixed = FixedUser(1, "ada", "ada@example.com", 1_700_000_000.0)
print(f"a FixedUser has a __dict__: {hasattr(fixed, '__dict__')}")
print(f"weakref.ref works: {weakref.ref(fixed)() is fixed}")

class A:
    __slots__ = ("a",)

class B:
    __slots__ = ("b",)

try:
    class C(A, B):
        pass
except TypeError as exc:
    print(f"two slotted bases: TypeError: {exc}")

class Tight:
    __slots__ = ("value",)

try:
    weakref.ref(Tight())
except TypeError as exc:
    print(f"weakref.ref without __weakref__: TypeError: {exc}")

back = pickle.loads(pickle.dumps(fixed))
fields = ("user_id", "name", "email", "created")
print(f"fields survived pickling: {all(getattr(back, f) == getattr(fixed, f) for f in fields)}")

def peak(cls):
    tracemalloc.start()
    made = [cls(i, f"u{i}", f"u{i}@example.com", float(i)) for i in range(10_000)]
    p = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return p

p_user, p_fixed = peak(User), peak(FixedUser)
print(f"User peak: {p_user} bytes, FixedUser peak: {p_fixed} bytes")
print(f"the fixed classes have no __dict__ and use less memory: "
      f"{not hasattr(fixed, '__dict__') and p_fixed < p_user}")
