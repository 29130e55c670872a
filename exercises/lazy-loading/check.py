"""Checks for lazy-loading: a LazyModel loads nothing when created, loads
each field in __getattr__ on its first read and stores it on the instance so
__getattr__ is not reached again, still refuses unknown names, and a
CachedModel does the same with functools.cached_property."""
from functools import cached_property

from heapwise_check import check, fail


def field(model, name):
    try:
        return getattr(model, name)
    except AttributeError:
        fail(f"`{type(model).__name__}(3).{name}` does not exist: it should load on first access.")


def own_getattr(cls):
    """The class in cls's MRO that defines __getattr__, or None."""
    return next((klass for klass in cls.__mro__ if "__getattr__" in vars(klass)), None)


@check("creating LazyModels loads nothing (measured here)")
def _(p):
    lazy = p.get("LazyModel", type)
    eager = p.get("EagerModel", type)
    eager_bytes = p.peak("10 EagerModels created", lambda: [eager(i) for i in range(10)])
    lazy_bytes = p.peak("10 LazyModels created", lambda: [lazy(i) for i in range(10)])
    if lazy_bytes * 20 > eager_bytes:
        fail(f"Creating 10 LazyModels took {lazy_bytes:,} bytes at peak, against {eager_bytes:,} for 10 "
             "EagerModels: `__init__` should only store the model id and load nothing.")
    return f"{lazy_bytes:,} bytes, against {eager_bytes:,} for 10 EagerModels."


@check("LazyModel loads its fields in __getattr__")
def _(p):
    cls = p.get("LazyModel", type)
    if own_getattr(cls) is None:
        fail("`LazyModel` defines no `__getattr__`. Write `def __getattr__(self, name):` that loads "
             "`embedding` or `metadata` when asked for one of them.")
    for name in ("embedding", "metadata"):
        for klass in cls.__mro__:
            if name in vars(klass):
                fail(f"`LazyModel` has a class attribute `{name}` ({type(vars(klass)[name]).__name__}): then "
                     "normal lookup finds it and `__getattr__` is never asked. Leave the names to `__getattr__` "
                     "here (`CachedModel` is where `cached_property` goes).")


@check("LazyModel's and CachedModel's fields are the eager model's")
def _(p):
    load_embedding, load_metadata = p.get("load_embedding", callable), p.get("load_metadata", callable)
    for class_name in ("LazyModel", "CachedModel"):
        model = p.get(class_name, type)(3)
        if field(model, "embedding") != load_embedding(3):
            fail(f"`{class_name}(3).embedding` is not what `load_embedding(3)` returns.")
        if field(model, "metadata") != load_metadata(3):
            fail(f"`{class_name}(3).metadata` is not what `load_metadata(3)` returns.")


@check("after the first read, LazyModel's fields no longer reach __getattr__")
def _(p):
    cls = p.get("LazyModel", type)
    if own_getattr(cls) is None:
        fail("`LazyModel` defines no `__getattr__`.")
    asked = []

    def counting(self, name):
        asked.append(name)
        return cls.__getattr__(self, name)

    model = type("CountedLazyModel", (cls,), {"__getattr__": counting})(3)
    for name in ("embedding", "metadata"):
        first = field(model, name)
        second = field(model, name)
        if second is not first:
            fail(f"Reading `model.{name}` twice gave two different objects: it was loaded again.")
        if asked.count(name) != 1:
            fail(f"Reading `model.{name}` twice went through `__getattr__` {asked.count(name)} times. Store the "
                 f"loaded value on the instance (`object.__setattr__(self, name, value)`), so normal lookup finds "
                 "it from then on and `__getattr__` is not called again.")
    again = p.peak("second touch of a LazyModel", lambda: (model.embedding, model.metadata))
    if again > 4_096:
        fail(f"Reading both fields of an already loaded LazyModel took {again:,} bytes at peak: it "
             "should cost nothing once loaded.")


@check("LazyModel still raises AttributeError for unknown names")
def _(p):
    model = p.get("LazyModel", type)(3)
    try:
        value = model.weights
    except AttributeError:
        return
    except Exception as error:
        fail(f"`LazyModel(3).weights` raised {type(error).__name__}, not AttributeError: then `hasattr`, "
             "`getattr(model, name, default)`, copy and pickle break. Raise AttributeError for any name "
             "`__getattr__` does not load.")
    fail(f"`LazyModel(3).weights` gave {value!r}: a name that is not a field must raise AttributeError, as "
         "it would without `__getattr__`.")


@check("CachedModel uses functools.cached_property and keeps what it loaded")
def _(p):
    cls = p.get("CachedModel", type)
    for name in ("embedding", "metadata"):
        if not isinstance(vars(cls).get(name), cached_property):
            fail(f"`CachedModel.{name}` is not a `functools.cached_property`: decorate a method `{name}` "
                 "with `@cached_property`.")
    model = cls(3)
    for name in ("embedding", "metadata"):
        if field(model, name) is not field(model, name):
            fail(f"Reading `CachedModel(3).{name}` twice gave two different objects: it was loaded again.")


@check("the last line says touching one lazy model costs less than loading all: True")
def _(p):
    said = p.expect_last_line(r"touching one lazy model costs less than loading all: (True|False)",
                              "touching one lazy model costs less than loading all: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but one touched LazyModel holds one model's data and 100 "
             "EagerModels hold a hundred. Compare the lazy figure after one touch with the eager one.")
