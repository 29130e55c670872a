# wrong: written from the task alone (round 19): `CachedModel.__init__` reads `self.embedding`, so its cached_property loads at creation
# fails: `CachedModel` uses `functools.cached_property` and keeps what it loaded
import tracemalloc
from functools import cached_property

LOADS = {"embedding": 0, "metadata": 0}
GETATTR_CALLS = {"n": 0}


def load_embedding(model_id):
    LOADS["embedding"] += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    LOADS["metadata"] += 1
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}


class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)


class LazyModel:
    _LOADERS = {"embedding": load_embedding, "metadata": load_metadata}

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        GETATTR_CALLS["n"] += 1
        loader = LazyModel._LOADERS.get(name)
        if loader is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = loader(self.model_id)
        object.__setattr__(self, name, value)
        return value


class CachedModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.dim = len(self.embedding)  # handy for shape checks later

    @cached_property
    def embedding(self):
        return load_embedding(self.model_id)

    @cached_property
    def metadata(self):
        return load_metadata(self.model_id)


def touch(model):
    return int(sum(model.embedding)) + model.metadata["key7"]


class HeldBytes:
    """Context manager: a fresh trace; .mark(label) records bytes held since entry."""

    def __init__(self, kind, table):
        self.kind, self.table = kind, table

    def __enter__(self):
        tracemalloc.start()
        self.base = tracemalloc.get_traced_memory()[0]
        return self

    def mark(self, step):
        self.table.append((self.kind, step, tracemalloc.get_traced_memory()[0] - self.base))

    def __exit__(self, *exc):
        tracemalloc.stop()
        return False


N_MODELS = 100
rows = []

with HeldBytes("eager", rows) as m:
    models = [EagerModel(i) for i in range(N_MODELS)]
    m.mark("after creating")
    del models

with HeldBytes("lazy", rows) as m:
    models = [LazyModel(i) for i in range(N_MODELS)]
    m.mark("after creating")
    touch(models[0])
    m.mark("after touching one")
    for model in models:
        touch(model)
    m.mark("after touching all")
    del models, model

with HeldBytes("cached_property", rows) as m:
    models = [CachedModel(i) for i in range(N_MODELS)]
    m.mark("after creating")
    touch(models[0])
    m.mark("after touching one")
    del models

figures = {}
print(f"{'kind':<16}{'step':<22}{'bytes held':>14}{'KiB':>12}")
for kind, step, held in rows:
    figures[(kind, step)] = held
    print(f"{kind:<16}{step:<22}{held:>14,}{held / 1024:>12,.1f}")

# Step 4: the Predict statements, each answered by an experiment.
model = LazyModel(7)
before = GETATTR_CALLS["n"]
model.model_id
reads_model_id = GETATTR_CALLS["n"] > before

model.embedding                      # first read: goes through __getattr__
before = GETATTR_CALLS["n"]
model.embedding                      # second read
second_read = GETATTR_CALLS["n"] > before

answers = {
    "__getattr__ runs when reading model.model_id": reads_model_id,
    "__getattr__ runs on the second read of model.embedding": second_read,
    "the loaded embedding is stored in the instance __dict__": "embedding" in vars(model),
    "hasattr(model, 'weights')": hasattr(model, "weights"),
}
for statement, value in answers.items():
    print(statement, value, sep=": ")

for kind, loaded in (("lazy", model), ("cached_property", CachedModel(7))):
    touch(loaded)
    snapshot = dict(LOADS)
    touch(loaded)
    again = sum(LOADS.values()) - sum(snapshot.values())
    print("touching a loaded %s model again loads %d more fields" % (kind, again))

lazy_one = figures[("lazy", "after touching one")]
eager_all = figures[("eager", "after creating")]
print(f"touching one lazy model costs less than loading all: {lazy_one < eager_all}")
