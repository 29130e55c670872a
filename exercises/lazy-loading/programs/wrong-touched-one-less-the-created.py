# wrong: written from the task alone (round 21): the lazy figure after touching one has the figure after creating taken off, so it counts from after the models were made
# fails: the lazy figures are counted from before the models were made: run again with each `LazyModel` holding 100,000 bytes more from its creation, the figures after creating, touching one and touching all each grow by about 10,000,000
# reading: one tracemalloc session for the whole run; each kind's figures are
# "current traced bytes now minus current traced bytes read just before that
# kind's 100 models were created", and the previous kind's models are deleted
# (and collected) before the next kind's baseline is read.
import gc
import tracemalloc
from contextlib import contextmanager
from functools import cached_property

LOADS = {"embedding": 0, "metadata": 0}
GETATTR_CALLS = 0
N_MODELS = 100


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
        global GETATTR_CALLS
        GETATTR_CALLS += 1
        loader = LazyModel._LOADERS.get(name)
        if loader is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = loader(self.model_id)
        object.__setattr__(self, name, value)
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
    """Bytes traced now, counted from the reading taken at construction."""

    def __init__(self):
        self.base = tracemalloc.get_traced_memory()[0]

    def __call__(self):
        return tracemalloc.get_traced_memory()[0] - self.base


@contextmanager
def tracing():
    tracemalloc.start()
    try:
        yield
    finally:
        tracemalloc.stop()


def fresh():
    gc.collect()


figures = {}
with tracing():
    fresh()
    held = HeldBytes()
    eager = [EagerModel(i) for i in range(N_MODELS)]
    figures["eager, after creating 100"] = held()
    del eager
    fresh()

    held = HeldBytes()
    lazy = [LazyModel(i) for i in range(N_MODELS)]
    figures["lazy, after creating 100"] = held()
    touch(lazy[0])
    figures["lazy, after touching one"] = held() - figures["lazy, after creating 100"]
    for model in lazy:
        touch(model)
    figures["lazy, after touching all"] = held()
    del lazy, model
    fresh()

    held = HeldBytes()
    cached = [CachedModel(i) for i in range(N_MODELS)]
    figures["cached_property, after creating 100"] = held()
    touch(cached[0])
    figures["cached_property, after touching one"] = held()
    del cached
    fresh()

width = max(map(len, figures))
print(f"{'bytes held':>{width + 14}}")
for label, nbytes in figures.items():
    print(f"{label:<{width}}  {nbytes:>12,}  ({nbytes / 1024:,.1f} KiB)")

# 4. the Predict statements, each checked by counting __getattr__ calls
model = LazyModel(7)
before = GETATTR_CALLS
model.model_id
reads_model_id = GETATTR_CALLS > before

model.embedding  # first read: loads
before = GETATTR_CALLS
model.embedding  # second read
second_read = GETATTR_CALLS > before

in_dict = "embedding" in vars(model)
has_weights = hasattr(model, "weights")

statements = {
    "__getattr__ runs when reading model.model_id": reads_model_id,
    "__getattr__ runs on the second read of model.embedding": second_read,
    "the loaded embedding is stored in the instance __dict__": in_dict,
    "hasattr(model, 'weights')": has_weights,
}
for text, value in statements.items():
    print(text, value, sep=": ")

touch(model)  # loads metadata; the embedding is already there
loads_before, calls_before = dict(LOADS), GETATTR_CALLS
touch(model)  # everything is loaded now
print("touching the loaded model again loads: embedding {}, metadata {} "
      "(__getattr__ calls: {})".format(
          LOADS["embedding"] - loads_before["embedding"],
          LOADS["metadata"] - loads_before["metadata"],
          GETATTR_CALLS - calls_before))

lazy_one = figures["lazy, after touching one"]
eager_all = figures["eager, after creating 100"]
print("touching one lazy model costs less than loading all:", lazy_one < eager_all)
