# correct: an Experiment class gathers result rows and writes them with sys.stdout.write; peaks in KiB via clear_traces; __weakref__ declared on FixedUser instead of the base
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


class SlotsExperiment:
    COUNT = 10_000

    def __init__(self):
        self.rows = []

    def note(self, label, value):
        self.rows.append((label, value))

    def starter_problem(self):
        user = User(1, "ada", "ada@example.com", 1_700_000_000.0)
        sys.stdout.write(f"a User instance has a __dict__: {hasattr(user, '__dict__')}\n")
        user.emial = "typo@example.com"  # misspelt, and nothing complains
        sys.stdout.write(f"what its __dict__ holds: {vars(user)}\n")
        self.note("classes of User without their own __slots__",
                  [c.__name__ for c in User.__mro__[:-1] if "__slots__" not in c.__dict__])

    def limits(self):
        holder = {}
        try:
            left = type("A", (), {"__slots__": ("a",)})
            right = type("B", (), {"__slots__": ("b",)})
            type("Clash", (left, right), {})  # same as `class Clash(A, B): pass`
        except TypeError as exc:
            holder["bases"] = exc
        bare = type("Bare", (), {"__slots__": ("v",)})
        try:
            weakref.ref(bare())
        except TypeError as exc:
            holder["weak"] = exc
        self.note("TypeError, two bases with non-empty __slots__", holder.get("bases"))
        self.note("TypeError, weakref.ref without a __weakref__ slot", holder.get("weak"))

    def round_trip(self):
        original = FixedUser(42, "lin", "lin@example.com", 1_700_000_321.5)
        cache = weakref.ref(original)
        copy = pickle.loads(pickle.dumps(original, protocol=pickle.HIGHEST_PROTOCOL))
        names = ("user_id", "name", "email", "created")
        self.note("weakref.ref(FixedUser) alive", cache() is original)
        self.note("fields survive pickle", all(getattr(copy, n) == getattr(original, n) for n in names))

    def peak_kib(self, cls):
        tracemalloc.clear_traces()  # forgets earlier blocks and the old peak
        batch = [cls(n, f"user{n}", f"user{n}@example.com", 1_700_000_000.0 + n) for n in range(self.COUNT)]
        peak = tracemalloc.get_traced_memory()[1]
        del batch
        return peak / 1024

    def memory(self):
        tracemalloc.start()
        self.user_kib = self.peak_kib(User)
        self.fixed_kib = self.peak_kib(FixedUser)
        tracemalloc.stop()
        self.note("peak, 10,000 User (KiB)", f"{self.user_kib:.1f}")
        self.note("peak, 10,000 FixedUser (KiB)", f"{self.fixed_kib:.1f}")
        self.note("FixedUser peak as a share of User peak", f"{self.fixed_kib / self.user_kib:.0%}")

    def verdict(self):
        probes = [FixedUser(0, "p", "p@x", 0.0), FixedModel(0.0)]
        no_dict = not any(hasattr(p, "__dict__") for p in probes)
        return no_dict and self.fixed_kib < self.user_kib

    def run(self):
        self.starter_problem()
        self.limits()
        self.round_trip()
        self.memory()
        for label, value in self.rows:
            sys.stdout.write(f"{label}: {value}\n")
        sys.stdout.write(f"the fixed classes have no __dict__ and use less memory: {self.verdict()}\n")


SlotsExperiment().run()
