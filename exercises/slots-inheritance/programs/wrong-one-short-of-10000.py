# wrong: both builds loop over range(1, 10000) so user ids start at 1, which makes 9,999 Users and 9,999 FixedUsers instead of 10,000 each (step 5)
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


class FixedModel:
    __slots__ = ("created",)
    def __init__(self, created):
        self.created = created
    def age(self, now):
        return now - self.created


class FixedUser(FixedModel):
    __slots__ = ("user_id", "name", "email", "__weakref__")
    def __init__(self, user_id, name, email, created):
        FixedModel.__init__(self, created)
        self.user_id, self.name, self.email = user_id, name, email


class P:
    __slots__ = ("p",)
class Q:
    __slots__ = ("q",)
try:
    class PQ(P, Q):
        pass
except TypeError as err:
    print("class on P and Q -> TypeError: %s" % err)

class Bare:
    __slots__ = ("only",)
try:
    weakref.ref(Bare())
except TypeError as err:
    print("weakref.ref(Bare()) -> TypeError: %s" % err)

sample = FixedUser(7, "grace", "grace@example.com", 1_650_000_000.5)
alive = weakref.ref(sample)() is sample
print("weak reference to a FixedUser: %s" % alive)
copy_back = pickle.loads(pickle.dumps(sample, protocol=pickle.HIGHEST_PROTOCOL))
names = ("user_id", "name", "email", "created")
k = 0
survived = True
while k < len(names):
    if getattr(copy_back, names[k]) != getattr(sample, names[k]):
        survived = False
    k += 1
print("pickled and loaded, fields intact: %s" % survived)

tracemalloc.start()
tracemalloc.reset_peak()
old_style = [User(n, "u%d" % n, "u%d@example.com" % n, 1.0e9 + n) for n in range(1, 10000)]
peak_old = tracemalloc.get_traced_memory()[1]
del old_style
tracemalloc.reset_peak()
new_style = [FixedUser(n, "u%d" % n, "u%d@example.com" % n, 1.0e9 + n) for n in range(1, 10000)]
peak_new = tracemalloc.get_traced_memory()[1]
del new_style
tracemalloc.stop()
print("10000 User:      peak %d bytes" % peak_old)
print("10000 FixedUser: peak %d bytes" % peak_new)

dict_free = True
classes = FixedUser.__mro__[:-1]
j = 0
while j < len(classes):
    own = vars(classes[j]).get("__slots__")
    if own is None or "__dict__" in own:
        dict_free = False
    j += 1
print("the fixed classes have no __dict__ and use less memory: %s" % (dict_free and peak_new < peak_old))
