# wrong: half the task: the classes are fixed and weak references work, but the two limits are not shown and nothing is pickled
# fails: the program prints the `TypeError` of two bases with non-empty `__slots__`, and of `weakref.ref` without a `__weakref__` slot
# fails: the program pickles a `FixedUser` and loads it back, and its fields survive
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


f = FixedUser(1, "ada", "ada@example.com", 1.0)
print("weakref works:", weakref.ref(f)() is f)


def peak(cls):
    tracemalloc.start()
    made = [cls(i, "ada", "ada@example.com", 1.0) for i in range(10_000)]
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top


a, b = peak(User), peak(FixedUser)
print(a, b)
print(f"the fixed classes have no __dict__ and use less memory: {not hasattr(f, '__dict__') and b < a}")
