# wrong: step 5 starts tracemalloc once and never resets the peak, so the User figure (measured second) is really the running maximum that already includes the FixedUser build
# fails: each peak is traced on its own: run again with FixedUsers holding 800 bytes more each, the Users' peak stays
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
    __slots__ = ("created",)

    def __init__(self, created):
        self.created = created

    def age(self, now):
        return now - self.created


class FixedUser(FixedModel):
    __slots__ = ("user_id", "name", "email", "__weakref__")

    def __init__(self, user_id, name, email, created):
        super().__init__(created)
        self.user_id = user_id
        self.name = name
        self.email = email


fixed = FixedUser(2, "bob", "bob@example.com", 1_700_000_000.0)
print("FixedUser has __dict__:", hasattr(fixed, "__dict__"))
print("weakref.ref(fixed)() is fixed:", weakref.ref(fixed)() is fixed)
print("age:", fixed.age(1_700_000_001.0))


class X:
    __slots__ = ("x",)


class Y:
    __slots__ = ("y",)


try:
    XY = type("XY", (X, Y), {})
except TypeError as problem:
    print("TypeError:", problem)


class NoRef:
    __slots__ = ("data",)


try:
    weakref.ref(NoRef())
except TypeError as problem:
    print("TypeError:", problem)

loaded = pickle.loads(pickle.dumps(fixed))
print("pickle round trip keeps the fields:",
      all(getattr(loaded, n) == getattr(fixed, n) for n in ("user_id", "name", "email", "created")))

N = 10_000
tracemalloc.start()
fixed_batch = [FixedUser(i, f"name{i}", f"name{i}@example.com", float(i)) for i in range(N)]
fixed_peak = tracemalloc.get_traced_memory()[1]
del fixed_batch
user_batch = [User(i, f"name{i}", f"name{i}@example.com", float(i)) for i in range(N)]
user_peak = tracemalloc.get_traced_memory()[1]
del user_batch
tracemalloc.stop()

print(f"User peak:      {user_peak:>9} B  ({user_peak / 1024:.1f} KiB)")
print(f"FixedUser peak: {fixed_peak:>9} B  ({fixed_peak / 1024:.1f} KiB)")
print(f"the fixed classes have no __dict__ and use less memory: "
      f"{not hasattr(fixed, '__dict__') and fixed_peak < user_peak}")
