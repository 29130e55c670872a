# wrong: FixedUser refuses to be pickled, so the program's own round trip raises (mutant: FixedUser refuses pickle)
# fails: the program pickles a `FixedUser` and loads it back, and its fields survive
"""Heapwise reference program for slots-inheritance (L-fit §1, L-fit
level-2 debug challenge).

User declares __slots__, yet its instances keep a __dict__: its base class
Model declares none. The fix goes in the base. The program then shows the
other limits of slots: bases whose slots conflict, weak references, and
what pickle does with slotted objects.
"""
import pickle
import platform
import struct
import sys
import time
import tracemalloc
import weakref

REPEATS = 5  # timed rounds; the fastest is the least disturbed by the rest of the machine


# --- The bug: a slotted subclass of a base without __slots__ ---------------

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


# --- The fix: the base declares its own attribute as a slot ----------------

class FixedModel:
    __slots__ = ("created",)

    def __init__(self, created):
        self.created = created

    def age(self, now):
        return now - self.created


class FixedUser(FixedModel):
    def __reduce__(self):
        raise TypeError("no pickling")

    # "__weakref__": without a __dict__-carrying base, weak references need a slot.
    __slots__ = ("user_id", "name", "email", "__weakref__")

    def __init__(self, user_id, name, email, created):
        super().__init__(created)
        self.user_id = user_id
        self.name = name
        self.email = email


def traced_peak(cls, n):
    """Peak bytes traced while n instances of cls are built and alive."""
    tracemalloc.start()
    users = [cls(i, "ada", "ada@example.com", 1_700_000_000.0) for i in range(n)]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del users
    return peak


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

# Measured first: the misspelt attribute below changes what later Users cost.
n = 10_000
with_dict = traced_peak(User, n)
without = traced_peak(FixedUser, n)
print(f"{n:,} Users, peak: {with_dict:,} bytes ({with_dict / n:.1f} per user)")
print(f"{n:,} FixedUsers, peak: {without:,} bytes ({without / n:.1f} per user)")
print(f"the base's __dict__ cost {(with_dict - without) / n:.1f} bytes per user")

user = User(1, "ada", "ada@example.com", 1_700_000_000.0)
fixed = FixedUser(1, "ada", "ada@example.com", 1_700_000_000.0)
print(f"a User instance has a __dict__: {hasattr(user, '__dict__')}")
print(f"a FixedUser instance has a __dict__: {hasattr(fixed, '__dict__')}")
user.emial = "typo@example.com"
print(f"User accepted a misspelt attribute into its __dict__: {vars(user)}")
try:
    fixed.emial = "typo@example.com"
except AttributeError as error:
    print(f"FixedUser refused it: AttributeError: {error}")
print(f"sys.getsizeof: User {sys.getsizeof(User(2, 'b', 'c', 0.0))} bytes, "
      f"FixedUser {sys.getsizeof(FixedUser(2, 'b', 'c', 0.0))} bytes")


class Timestamped:
    __slots__ = ("stamp",)


class Tagged:
    __slots__ = ("tags",)


try:
    class TaggedRecord(Timestamped, Tagged):
        __slots__ = ()
    combined = True
except TypeError as error:
    combined = False
    print(f"class TaggedRecord(Timestamped, Tagged): TypeError: {error}")
print(f"two bases with non-empty __slots__ can be combined: {combined}")


class Marker:
    __slots__ = ()


class MarkedStamp(Timestamped, Marker):
    __slots__ = ()


print(f"a base with empty __slots__ combines with one slotted base: {MarkedStamp.__mro__[1:3] == (Timestamped, Marker)}")

try:
    weakref.ref(FixedModel(0.0))
except TypeError as error:
    print(f"weakref.ref(FixedModel(0.0)): TypeError: {error}")
print(f"weakref.ref(FixedUser(...)) works: {weakref.ref(fixed)() is fixed}")

copy = pickle.loads(pickle.dumps(fixed))
same = (copy.user_id, copy.name, copy.email, copy.created) == (fixed.user_id, fixed.name, fixed.email, fixed.created)
print(f"pickle round-trips a FixedUser with the default protocol: {same}")
try:
    pickle.dumps(fixed, protocol=0)
except TypeError as error:
    print(f"pickle protocol 0: TypeError: {error}")

# The list of FixedUsers traced_peak builds, timed with tracemalloc off: the
# page sets this figure beside the Rust variant whose base has a plain field.
micros = best_time_us(lambda: [FixedUser(i, "ada", "ada@example.com", 1_700_000_000.0) for i in range(n)])
print(f"timing: variant optimized at n={n}: {micros:.1f} us per call, best of {REPEATS} (tracemalloc off)")
print(f"the fixed classes have no __dict__ and use less memory: {not hasattr(fixed, '__dict__') and without < with_dict}")
