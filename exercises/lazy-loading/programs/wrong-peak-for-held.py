# wrong: step 3, prints tracemalloc's peak (get_traced_memory()[1]) where the task asks for bytes held now
# fails: the program prints the bytes held after each of the six steps, as measured by the check
import tracemalloc
from functools import cached_property

calls = {"getattr": 0, "embedding": 0, "metadata": 0}


def load_embedding(model_id):
    calls["embedding"] += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    calls["metadata"] += 1
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
        calls["getattr"] += 1
        loader = LOADERS.get(name)
        if loader is None:
            raise AttributeError(name)
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
    return tracemalloc.get_traced_memory()[1]


tracemalloc.start()
base = held()
tracemalloc.reset_peak()
eager = [EagerModel(i) for i in range(100)]
eager_bytes = held() - base
print(f"100 eager models: {eager_bytes} bytes")
del eager
tracemalloc.reset_peak()

base = held()
lazy = [LazyModel(i) for i in range(100)]
lazy_created = held() - base
touch(lazy[0])
lazy_one = held() - base
for m in lazy:
    touch(m)
lazy_all = held() - base
print(f"100 lazy models, just created: {lazy_created} bytes")
print(f"100 lazy models, one touched: {lazy_one} bytes")
print(f"100 lazy models, all touched: {lazy_all} bytes")
del lazy
tracemalloc.reset_peak()

base = held()
cached = [CachedModel(i) for i in range(100)]
cached_created = held() - base
touch(cached[0])
cached_one = held() - base
print(f"100 cached models, just created: {cached_created} bytes")
print(f"100 cached models, one touched: {cached_one} bytes")
del cached
tracemalloc.stop()

model = LazyModel(7)
before = calls["getattr"]
model.model_id
print(f"__getattr__ runs when reading model.model_id: {calls['getattr'] > before}")
model.embedding
before = calls["getattr"]
model.embedding
print(f"__getattr__ runs on the second read of model.embedding: {calls['getattr'] > before}")
print(f"the loaded embedding is stored in the instance __dict__: {'embedding' in vars(model)}")
print(f"hasattr(model, 'weights'): {hasattr(model, 'weights')}")

touch(model)
loads_before = calls["embedding"] + calls["metadata"]
touch(model)
print(f"loads during a second touch of a loaded model: {calls['embedding'] + calls['metadata'] - loads_before}")

print(f"touching one lazy model costs less than loading all: {lazy_one < eager_bytes}")
