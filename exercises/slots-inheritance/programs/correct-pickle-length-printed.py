# correct: from scratch, puts "__weakref__" in FixedUser's slots, checks every class in the MRO, and prints peaks (bytes and KiB) in a small table using one tracemalloc session with reset_peak
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


def slotless_classes(cls):
    return [k.__name__ for k in cls.__mro__[:-1] if "__slots__" not in vars(k)]


# step 1: the starter's symptom and its cause
u = User(7, "grace", "grace@example.com", 1_650_000_000.0)
print("User instance has __dict__:", hasattr(u, "__dict__"))
u.emial = "oops@example.com"
print("User __dict__ contents:", vars(u))
print("classes in User's MRO without __slots__:", slotless_classes(User))
print("classes in FixedUser's MRO without __slots__:", slotless_classes(FixedUser))

# step 2: the fix
f = FixedUser(7, "grace", "grace@example.com", 1_650_000_000.0)
print("FixedUser instance has __dict__:", hasattr(f, "__dict__"))
try:
    f.emial = "oops@example.com"
    print("typo accepted")
except AttributeError as e:
    print("typo rejected:", e)
print("age(1_650_000_500.0):", u.age(1_650_000_500.0), "vs", f.age(1_650_000_500.0))
w = weakref.ref(f)
print("weakref.ref(FixedUser) resolves to the same object:", w() is f)

# step 3: two limits of slots
class Left:
    __slots__ = ("left",)


class Right:
    __slots__ = ("right",)


try:
    Both = type("Both", (Left, Right), {})
except TypeError as e:
    print("TypeError (two slotted bases):", e)


class Bare:
    __slots__ = ("only",)


try:
    weakref.ref(Bare())
except TypeError as e:
    print("TypeError (no __weakref__ slot):", e)

# step 4: pickle round trip
blob = pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL)
back = pickle.loads(blob)
same = (back.user_id, back.name, back.email, back.created) == (f.user_id, f.name, f.email, f.created)
print(f"pickled {len(blob)} bytes; fields survived: {same}")


# step 5: peaks
def peak_for(cls, count=10_000):
    base = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    made = []
    for i in range(count):
        made.append(cls(i, "n%d" % i, "n%d@example.com" % i, 1_650_000_000.0 + i))
    top = tracemalloc.get_traced_memory()[1] - base
    del made
    return top


tracemalloc.start()
peak_user = peak_for(User)
peak_fixed = peak_for(FixedUser)
tracemalloc.stop()

print()
print(f"{'class':<10}{'peak bytes':>12}{'peak KiB':>10}")
print(f"{'User':<10}{peak_user:>12}{peak_user / 1024:>10.1f}")
print(f"{'FixedUser':<10}{peak_fixed:>12}{peak_fixed / 1024:>10.1f}")

verdict = not hasattr(f, "__dict__") and peak_fixed < peak_user
print(f"the fixed classes have no __dict__ and use less memory: {verdict}")
