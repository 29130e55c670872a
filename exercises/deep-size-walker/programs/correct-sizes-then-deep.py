# correct: the inner-walk program with step 5 printed as two getsizeof lines, a sentence, then two deep-size lines (the task does not fix where the deep sizes go)
import sys
import types

SKIP = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)


def slot_names(cls):
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ("__dict__", "__weakref__"):
                yield name


def deep_size(obj):
    counted = set()

    def walk(o):
        if isinstance(o, SKIP) or id(o) in counted:
            return 0
        counted.add(id(o))
        total = sys.getsizeof(o)
        if isinstance(o, dict):
            for k, v in o.items():
                total += walk(k)
                total += walk(v)
        elif isinstance(o, (list, tuple, set, frozenset)):
            for item in o:
                total += walk(item)
        else:
            if hasattr(o, "__dict__"):
                total += walk(o.__dict__)
            for name in slot_names(type(o)):
                if hasattr(o, name):
                    total += walk(getattr(o, name))
        return total

    return walk(obj)


def deep_size_no_set(o):
    total = sys.getsizeof(o)
    if isinstance(o, dict):
        for k, v in o.items():
            total += deep_size_no_set(k) + deep_size_no_set(v)
    elif isinstance(o, (list, tuple, set, frozenset)):
        for item in o:
            total += deep_size_no_set(item)
    elif not isinstance(o, SKIP):
        if hasattr(o, "__dict__"):
            total += deep_size_no_set(o.__dict__)
        for name in slot_names(type(o)):
            if hasattr(o, name):
                total += deep_size_no_set(getattr(o, name))
    return total


def make_users(count):
    team = ["platform", "infrastructure", "on-call"]
    users = {}
    for n in range(count):
        name = f"user{n:02d}"
        users[name] = {
            "name": name,
            "email": f"{name}@example.com",
            "age": 20 + n,
            "roles": ["reader", "writer"] if n % 2 else ["reader"],
            "address": {"city": "Lyon", "street": f"{n} rue de la Paix"},
            "team": team,
        }
    return users


users = make_users(10)
shallow = sys.getsizeof(users)
deep = deep_size(users)
print(f"shallow: {shallow} B")
print(f"deep:    {deep} B")
print(f"ratio:   {deep / shallow:.1f}")

print(f"walker without the set says {deep_size_no_set(users)} B, with the set {deep} B")

loop = {"name": "root", "children": []}
loop["children"].append(loop)
print(f"loop, with the set: {deep_size(loop)} B")
try:
    print(f"loop, without the set: {deep_size_no_set(loop)} B")
except RecursionError as err:
    print(f"loop, without the set: RecursionError ({err})")


class PlainUser:
    def __init__(self, name, email, age):
        self.name, self.email, self.age = name, email, age


class SlimUser:
    __slots__ = ("name", "email", "age")

    def __init__(self, name, email, age):
        self.name, self.email, self.age = name, email, age


plain_user = PlainUser("ada", "ada@example.com", 36)
slim_user = SlimUser("ada", "ada@example.com", 36)
print("getsizeof, plain user:", sys.getsizeof(plain_user))
print("getsizeof, slotted user:", sys.getsizeof(slim_user))
print("getsizeof leaves out what the attributes refer to; counting it:")
print("deep size, plain user:", deep_size(plain_user))
print("deep size, slotted user:", deep_size(slim_user))

print(f"deep size is more than 10x the shallow size: {deep > 10 * shallow}")
