"""Checks for slots-inheritance: the fix is in the base, so FixedUser has no
__dict__ and refuses misspelt attributes, any other subclass of the fixed
base is slim too, weak references and pickling still work, the two limits
of slots are shown, and the fixed class really is smaller."""
import pickle
import weakref

from heapwise_check import check, fail

ARGS = (7, "ada", "ada@example.com", 1_700_000_000.0)


def make_fixed(p):
    cls = p.get("FixedUser", type)
    try:
        return cls(*ARGS)
    except TypeError as error:
        fail(f"`FixedUser(7, \"ada\", \"ada@example.com\", 1_700_000_000.0)` raised TypeError ({error}): "
             "it should take the same arguments as `User`.")


@check("FixedUser keeps its fields and age(), has no __dict__ and refuses a misspelt attribute")
def _(p):
    user = make_fixed(p)
    for name, wanted in zip(("user_id", "name", "email", "created"), ARGS):
        if getattr(user, name, None) != wanted:
            fail(f"`FixedUser(7, \"ada\", \"ada@example.com\", 1_700_000_000.0).{name}` should be {wanted!r}: "
                 "store every field as `User` does, `created` through the base's `__init__`.")
    if not callable(getattr(user, "age", None)) or user.age(1_700_000_060.0) != 60.0:
        fail("`FixedUser(...).age(now)` should return `now - created`, inherited from the base as `User` does.")
    if hasattr(user, "__dict__"):
        fail("A FixedUser still has a `__dict__`. Slots in the subclass are not enough: every class in "
             "its ancestry must declare `__slots__`, the base included.")
    try:
        user.emial = "typo@example.com"
    except AttributeError:
        pass
    else:
        fail("`FixedUser(...).emial = ...` (a misspelt `email`) was accepted. With slots all the way up, "
             "it raises AttributeError.")


@check("the fix is in the base: FixedModel declares __slots__, so any subclass of it can be slim")
def _(p):
    base = p.get("FixedModel", type)
    user_class = p.get("FixedUser", type)
    if base not in user_class.__mro__:
        fail("`FixedUser` does not inherit from `FixedModel`: keep the shape of the original code, a "
             "user class built on a model base.")
    if "__slots__" not in vars(base):
        fail("`FixedModel` declares no `__slots__`, so it gives every subclass a `__dict__`. Declare its "
             "own attribute: `__slots__ = (\"created\",)`.")

    class Order(base):
        __slots__ = ("total",)

        def __init__(self, total, created):
            base.__init__(self, created)
            self.total = total

    order = Order(9.5, 1_700_000_000.0)
    if hasattr(order, "__dict__") or order.created != 1_700_000_000.0:
        fail("A new slotted subclass of `FixedModel` still gets a `__dict__` (or loses `created`): the base "
             "must declare `created` as a slot and set it in `__init__`.")


@check("FixedUser can be weakly referenced (the user cache needs it)")
def _(p):
    user = make_fixed(p)
    try:
        ref = weakref.ref(user)
    except TypeError:
        fail("`weakref.ref(FixedUser(...))` raises TypeError: with no `__dict__`-carrying base, a slotted "
             "class needs `\"__weakref__\"` in its `__slots__` (in `FixedUser` or in `FixedModel`).")
    if ref() is not user:
        fail("A weak reference to a FixedUser does not lead back to it.")


@check("the program shows the lay-out conflict and the weak-reference error")
def _(p):
    p.printed(r"lay-out conflict",
              "Step 3: combine two bases that both declare non-empty `__slots__` and print the TypeError "
              "(\"multiple bases have instance lay-out conflict\").")
    p.printed(r"weak reference",
              "Step 3: call `weakref.ref` on an instance of a slotted class without `\"__weakref__\"` "
              "(such as `FixedModel(0.0)`) and print the TypeError.")


@check("a FixedUser survives a pickle round trip with the default protocol")
def _(p):
    user = make_fixed(p)
    try:
        copy = pickle.loads(pickle.dumps(user))
    except Exception as error:  # the student's class decides what pickle does
        fail(f"Pickling a FixedUser failed ({type(error).__name__}: {error}). With protocol 2 or later, "
             "pickle saves slots on its own; remove any `__getstate__` or `__reduce__` that breaks it.")
    fields = ("user_id", "name", "email", "created")
    if tuple(getattr(copy, f, None) for f in fields) != tuple(getattr(user, f) for f in fields):
        fail("A FixedUser loaded back from pickle does not have the fields it was saved with.")
    p.printed(r"pickle", "Step 4: print whether the FixedUser came back from `pickle` intact.")


@check("10,000 FixedUsers use less memory than 10,000 Users (measured here), and the last line says so")
def _(p):
    said = p.expect_last_line(r"the fixed classes have no __dict__ and use less memory: (True|False)",
                              "the fixed classes have no __dict__ and use less memory: True")
    fixed = p.get("FixedUser", type)
    buggy = p.get("User", type)
    with_dict = p.peak("10,000 Users", lambda: [buggy(i, "ada", "ada@example.com", 1.0) for i in range(10_000)])
    without = p.peak("10,000 FixedUsers", lambda: [fixed(i, "ada", "ada@example.com", 1.0) for i in range(10_000)])
    if without > 0.95 * with_dict:
        fail(f"Measured here, 10,000 FixedUsers peaked at {without:,} bytes and 10,000 Users at "
             f"{with_dict:,}: the fix should save clearly more than that. Is `__slots__` declared in "
             "every class from `FixedUser` up?")
    if said.group(1) != "True":
        fail("Your program concluded False, but the fixed classes have no `__dict__` and peak lower. "
             "Compare the two peaks the right way round.")
    return f"{without:,} bytes with the fixed base, {with_dict:,} with the original (measured here)."
