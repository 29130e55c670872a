# correct: the two limits tried by one helper that catches `Exception as e` and prints `type(e).__name__` with the message, the conflicting class made with type() from a helper, `from weakref import ref`, isinstance(..., type) used, pickle through a file with the highest protocol, the fields compared by walking every class's __slots__, peaks read after reset_peak
import io
import pickle
import tracemalloc
from weakref import ref


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


def slot_names(obj):
    names = []
    for klass in type(obj).__mro__:
        if isinstance(klass, type) and klass is not object:
            names += [n for n in getattr(klass, "__slots__", ()) if n != "__weakref__"]
    return names


def attempt(what, action):
    try:
        action()
    except Exception as e:
        print(f"{what} -> {type(e).__name__}: {e}")
    else:
        print(f"{what} -> no error")


fixed = FixedUser(3, "lin", "lin@example.com", 1_700_000_500.0)
print("FixedUser has a __dict__:", hasattr(fixed, "__dict__"), "| slots:", slot_names(fixed))
attempt("fixed.emial = ...", lambda: setattr(fixed, "emial", "x"))
print("weakref to a FixedUser:", ref(fixed)() is fixed)

first = type("First", (), {"__slots__": ("one",)})
second = type("Second", (), {"__slots__": ("two",)})
attempt("a class on First and Second", lambda: type("Both", (first, second), {}))
attempt("weakref to a FixedModel", lambda: ref(FixedModel(1.0)))

stream = io.BytesIO()
pickle.dump(fixed, stream, protocol=pickle.HIGHEST_PROTOCOL)
stream.seek(0)
again = pickle.load(stream)
kept = {name: getattr(again, name) == getattr(fixed, name) for name in slot_names(fixed)}
print("fields after the pickle round trip:", kept)
print("all fields survived pickling:", all(kept.values()))

tracemalloc.start()
peaks = {}
for cls in (User, FixedUser):
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    crowd = [cls(i, "user", "user@example.com", 1.7e9) for i in range(10_000)]
    peaks[cls.__name__] = tracemalloc.get_traced_memory()[1] - base
    del crowd
tracemalloc.stop()
for name, top in peaks.items():
    print(f"10,000 {name}s peaked at {top:,} bytes")
slim = not hasattr(fixed, "__dict__") and not hasattr(FixedModel(0.0), "__dict__")
print("the fixed classes have no __dict__ and use less memory:", slim and peaks["FixedUser"] < peaks["User"])
