# wrong: deep_size and make_users are right, but the users are never measured: the figures are copied from the course's recorded output and the conclusion is typed
# fails: the program prints the ten users' shallow size, deep size and their ratio, as measured
# fails: the program prints the total of a walker without the set, larger for the users
# fails: the program prints `getsizeof` and the deep size of an instance of a plain class and of a slotted class
import sys


def deep_size(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for key, value in obj.items():
            size += deep_size(key, seen) + deep_size(value, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            size += deep_size(item, seen)
    elif not isinstance(obj, type) and not callable(obj):
        if hasattr(obj, "__dict__"):
            size += deep_size(vars(obj), seen)
        for klass in type(obj).__mro__:
            for name in vars(klass).get("__slots__", ()):
                if hasattr(obj, name):
                    size += deep_size(getattr(obj, name), seen)
    return size


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    return {f"member-{i}": {"name": f"Member {i}", "email": f"m{i}@example.org", "age": 40 + i,
                            "roles": ["reader"], "address": {"town": "Bath"}, "team": team}
            for i in range(count)}


class User:
    def __init__(self, name):
        self.name = name


class SlottedUser:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


print("ten users: shallow 272 bytes, deep 9,178 bytes, 33.7x")
print("without a seen set: 16,676 bytes, 7,498 counted more than once")
print("cyclic dict with a seen set: 435 bytes")
print("cyclic dict without a seen set: RecursionError (limit 1,000)")
print("User instance: getsizeof 56 bytes, deep 823 bytes (through its __dict__)")
print("SlottedUser instance: getsizeof 56 bytes, deep 366 bytes (through its slots)")
print("deep size is more than 10x the shallow size: True")
