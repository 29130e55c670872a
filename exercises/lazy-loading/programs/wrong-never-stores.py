# wrong: round 9: LazyModel.__getattr__ loads and returns each field but never stores it, so every read loads again (before the fix the check's 'first touch loads all' re-run loaded every model at every read and took minutes)
# fails: after the first read, `LazyModel`'s fields are stored on the instance and no longer reach `__getattr__`
import gc
import tracemalloc
from functools import cached_property

COUNT = 100
loads = {"embedding": 0, "metadata": 0}
getattr_calls = []


def load_embedding(model_id):
    loads["embedding"] += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    loads["metadata"] += 1
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}


class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)


class LazyModel:
    _loaders = {"embedding": load_embedding, "metadata": load_metadata}

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        getattr_calls.append(name)
        loader = LazyModel._loaders.get(name)
        if loader is None:
            raise AttributeError(f"{type(self).__name__!s} has no attribute {name!r}")
        return loader(self.model_id)


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


def held_now():
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


# --- step 3: memory held, each family traced on its own ---------------------
tracemalloc.start()
base = held_now()
eager = [EagerModel(i) for i in range(COUNT)]
eager_bytes = held_now() - base
print(f"{COUNT} eager models:                    {eager_bytes:>12,} bytes")
del eager
tracemalloc.stop()

tracemalloc.start()
base = held_now()
lazies = [LazyModel(i) for i in range(COUNT)]
lazy_created = held_now() - base
touch(lazies[0])
lazy_one = held_now() - base
for m in lazies:
    touch(m)
lazy_all = held_now() - base
print(f"{COUNT} lazy models, just created:       {lazy_created:>12,} bytes")
print(f"{COUNT} lazy models, one touched:        {lazy_one:>12,} bytes")
print(f"{COUNT} lazy models, all touched:        {lazy_all:>12,} bytes")
del lazies
tracemalloc.stop()

tracemalloc.start()
base = held_now()
cached = [CachedModel(i) for i in range(COUNT)]
cached_created = held_now() - base
touch(cached[0])
cached_one = held_now() - base
print(f"{COUNT} cached_property models, created: {cached_created:>12,} bytes")
print(f"{COUNT} cached_property models, one:     {cached_one:>12,} bytes")
del cached
tracemalloc.stop()

# --- step 4: the Predict statements ------------------------------------------
probe = LazyModel(7)
getattr_calls.clear()
probe.model_id
via_getattr_model_id = "model_id" in getattr_calls
print(f"__getattr__ runs when reading model.model_id: {via_getattr_model_id}")

probe.embedding                      # first read: goes through __getattr__
getattr_calls.clear()
probe.embedding                      # second read
print(f"__getattr__ runs on the second read of model.embedding: {'embedding' in getattr_calls}")
print(f"the loaded embedding is stored in the instance __dict__: {'embedding' in vars(probe)}")
print(f"hasattr(model, 'weights'): {hasattr(probe, 'weights')}")

again = LazyModel(3)
touch(again)
before = dict(loads)
touch(again)
print(f"second touch of a loaded lazy model: load_embedding calls {before['embedding']} -> {loads['embedding']}, "
      f"load_metadata calls {before['metadata']} -> {loads['metadata']}")
again_c = CachedModel(3)
touch(again_c)
before = dict(loads)
touch(again_c)
print(f"second touch of a loaded CachedModel loads nothing: {before == loads}")

print(f"touching one lazy model costs less than loading all: {lazy_one < eager_bytes}")
