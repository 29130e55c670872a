"""Checks for lazy-loading: a LazyModel loads nothing when created, loads
each field on its first read and keeps it, and gives the eager model's data."""
from heapwise_check import check, fail


def field(model, name):
    try:
        return getattr(model, name)
    except AttributeError:
        fail(f"`LazyModel(3).{name}` does not exist: give the class an `{name}` that loads on first "
             f"access, for example a method decorated with `@cached_property`.")


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


@check("a LazyModel's embedding and metadata are the eager model's")
def _(p):
    model = p.get("LazyModel", type)(3)
    load_embedding, load_metadata = p.get("load_embedding", callable), p.get("load_metadata", callable)
    if field(model, "embedding") != load_embedding(3):
        fail("`LazyModel(3).embedding` is not what `load_embedding(3)` returns.")
    if field(model, "metadata") != load_metadata(3):
        fail("`LazyModel(3).metadata` is not what `load_metadata(3)` returns.")


@check("each field is loaded on first access and then kept")
def _(p):
    model = p.get("LazyModel", type)(3)
    for name in ("embedding", "metadata"):
        first = field(model, name)
        if field(model, name) is not first:
            fail(f"Reading `model.{name}` twice gave two different objects: it was loaded again. Keep "
                 "the loaded value on the instance (`@cached_property` does this).")
    again = p.peak("second touch of a LazyModel", lambda: (model.embedding, model.metadata))
    if again > 4_096:
        fail(f"Reading both fields of an already loaded LazyModel took {again:,} bytes at peak: it "
             "should cost nothing once loaded.")


@check("the last line says touching one lazy model costs less than loading all: True")
def _(p):
    said = p.expect_last_line(r"touching one lazy model costs less than loading all: (True|False)",
                              "touching one lazy model costs less than loading all: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but one touched LazyModel holds one model's data and 100 "
             "EagerModels hold a hundred. Compare the lazy figure after one touch with the eager one.")
