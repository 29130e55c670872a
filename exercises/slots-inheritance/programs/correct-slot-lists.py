# correct: written from the task alone; slots as lists, __weakref__ on FixedUser, FixedModel.__init__ called by name, pickle through a file object, str(err) printing, a while loop, other wording
import io
import pickle
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


u = User(1, "ada", "ada@example.com", 1_700_000_000.0)
print("User has __dict__?", hasattr(u, "__dict__"))
u.emial = "typo@example.com"
print("its __dict__:", vars(u))


class FixedModel:
    __slots__ = ["created"]

    def __init__(self, created):
        self.created = created

    def age(self, now):
        return now - self.created


class FixedUser(FixedModel):
    __slots__ = ["user_id", "name", "email", "__weakref__"]

    def __init__(self, user_id, name, email, created):
        FixedModel.__init__(self, created)
        self.user_id = user_id
        self.name = name
        self.email = email


f = FixedUser(1, "ada", "ada@example.com", 1_700_000_000.0)
print("FixedUser has __dict__?", hasattr(f, "__dict__"), "| FixedModel has __dict__?",
      hasattr(FixedModel(0.0), "__dict__"))
ref = weakref.ref(f)
print("weakref ok:", ref() is f)

try:
    A = type("A", (), {"__slots__": ("p",)})
    B = type("B", (), {"__slots__": ("q",)})
    type("AB", (A, B), {})
except TypeError as e:
    print(e)

try:
    weakref.ref(FixedModel(1.0))
except TypeError as e:
    print(e)

buf = io.BytesIO()
pickle.dump(f, buf)
buf.seek(0)
g = pickle.load(buf)
print("round trip kept the fields:",
      all(getattr(g, name) == getattr(f, name) for name in ("user_id", "name", "email", "created")))


def build_peak(cls):
    tracemalloc.start()
    tracemalloc.reset_peak()
    items = []
    i = 0
    while i < 10_000:
        items.append(cls(i, f"user{i}", f"user{i}@example.com", 1.0 * i))
        i += 1
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top


a = build_peak(User)
b = build_peak(FixedUser)
print("User x10,000:", a, "FixedUser x10,000:", b)
print("The fixed classes have no __dict__ and use less memory =",
      not hasattr(f, "__dict__") and not hasattr(FixedModel(0.0), "__dict__") and b < a)
