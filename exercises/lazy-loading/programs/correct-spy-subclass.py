# correct: written from the task alone (held-out round 7), a subclass of LazyModel counting __getattr__'s calls for the four statements
import tracemalloc
from functools import cached_property

load_calls = {"embedding": 0, "metadata": 0}

def load_embedding(model_id):
    load_calls["embedding"] += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]

def load_metadata(model_id):
    load_calls["metadata"] += 1
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}

class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)

LOADERS = {"embedding": load_embedding, "metadata": load_metadata}

class LazyModel:
    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        loader = LOADERS.get(name)
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

def held():
    return tracemalloc.get_traced_memory()[0]

MODELS = 100

tracemalloc.start()
start = held()
eager = [EagerModel(i) for i in range(MODELS)]
eager_bytes = held() - start
del eager
print(f"100 eager models: {eager_bytes:,} bytes held after creating them")

start = held()
lazy = [LazyModel(i) for i in range(MODELS)]
lazy_created = held() - start
touch(lazy[0])
lazy_one = held() - start
for model in lazy:
    touch(model)
lazy_all = held() - start
print(f"100 lazy models: {lazy_created:,} bytes after creating, {lazy_one:,} after touching one, {lazy_all:,} after touching all")
del lazy, model

start = held()
cached = [CachedModel(i) for i in range(MODELS)]
cached_created = held() - start
touch(cached[0])
cached_one = held() - start
print(f"100 CachedModels: {cached_created:,} bytes after creating, {cached_one:,} after touching one")
tracemalloc.stop()

class Spy(LazyModel):
    hits = []

    def __getattr__(self, name):
        Spy.hits.append(name)
        return super().__getattr__(name)


fresh = LazyModel(5)
spy = Spy(6)
spy.model_id
on_id = "model_id" in Spy.hits
spy.embedding
before = len(Spy.hits)
spy.embedding
statements = [
    ("__getattr__ runs when reading model.model_id", on_id),
    ("__getattr__ runs on the second read of model.embedding", len(Spy.hits) > before),
    ("the loaded embedding is stored in the instance __dict__", vars(spy).get("embedding") is spy.embedding),
    ("hasattr(model, 'weights')", hasattr(fresh, "weights")),
]
for text, value in statements:
    print(f"{text}: {value}")

touch(fresh)
calls_before = dict(load_calls)
touch(fresh)
touch(cached[0])
print(f"touching loaded models again: loads before {calls_before}, after {load_calls} -> nothing loaded: {calls_before == load_calls}")

print(f"touching one lazy model costs less than loading all: {lazy_one < eager_bytes}")
