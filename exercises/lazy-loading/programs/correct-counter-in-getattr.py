# correct: written from the task alone; a list inside __getattr__ itself records the names it is asked for (the first statement reads model.model_id and looks for it there), a dict of loaders, figures held as differences from a base
import tracemalloc
from functools import cached_property

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


LOADERS = {"embedding": load_embedding, "metadata": load_metadata}


class LazyModel:
    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        getattr_calls.append(name)
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


tracemalloc.start()
start = held()
eager = [EagerModel(i) for i in range(100)]
eager_bytes = held() - start
del eager
print(f"100 eager models hold {eager_bytes:,} bytes")

start = held()
lazy = [LazyModel(i) for i in range(100)]
lazy_new = held() - start
touch(lazy[0])
lazy_one = held() - start
for m in lazy:
    touch(m)
lazy_all = held() - start
print(f"100 lazy models: {lazy_new:,} B when created, {lazy_one:,} B with one touched, {lazy_all:,} B with all touched")
del lazy

start = held()
cached = [CachedModel(i) for i in range(100)]
cached_new = held() - start
touch(cached[0])
cached_one = held() - start
print(f"100 cached_property models: {cached_new:,} B when created, {cached_one:,} B with one touched")
del cached
tracemalloc.stop()

model = LazyModel(5)
getattr_calls.clear()
model.model_id
s1 = "model_id" in getattr_calls
model.embedding
getattr_calls.clear()
model.embedding
s2 = "embedding" in getattr_calls
s3 = "embedding" in vars(model)
checks = [
    ("__getattr__ runs when reading model.model_id", s1),
    ("__getattr__ runs on the second read of model.embedding", s2),
    ("the loaded embedding is stored in the instance __dict__", s3),
    ("hasattr(model, 'weights')", hasattr(model, "weights")),
]
for text, value in checks:
    print(f"{text}: {value}")

touch(model)
before = dict(loads)
touch(model)
print("loads caused by touching a loaded model again:", sum(loads.values()) - sum(before.values()))

print(f"touching one lazy model costs less than loading all: {lazy_one < eager_bytes}")
