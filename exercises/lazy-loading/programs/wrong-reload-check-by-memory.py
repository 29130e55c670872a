# wrong: 'touching again loads nothing' is shown from traced-memory growth, not from counting loads; a touch that re-loads and discards the fields would still show 0
# fails: the program shows that touching a loaded model again loads nothing
import tracemalloc
from functools import cached_property

LOADS = {"count": 0}
GETATTR_CALLS = {"count": 0}


def load_embedding(model_id):
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}


class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)


class LazyModel:
    _LOADERS = {"embedding": lambda mid: load_embedding(mid),
                "metadata": lambda mid: load_metadata(mid)}

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        GETATTR_CALLS["count"] += 1
        loader = LazyModel._LOADERS.get(name)
        if loader is None:
            raise AttributeError(name)
        LOADS["count"] += 1
        value = loader(self.model_id)
        object.__setattr__(self, name, value)
        return value


class CachedModel:
    def __init__(self, model_id):
        self.model_id = model_id

    @cached_property
    def embedding(self):
        LOADS["count"] += 1
        return load_embedding(self.model_id)

    @cached_property
    def metadata(self):
        LOADS["count"] += 1
        return load_metadata(self.model_id)


def touch(model):
    return int(sum(model.embedding)) + model.metadata["key7"]


def held():
    return tracemalloc.get_traced_memory()[0]


tracemalloc.start()

start = held()
eager = [EagerModel(i) for i in range(100)]
eager_bytes = held() - start
print(f"100 eager models, after creating:   {eager_bytes:,} bytes")
del eager

start = held()
lazy = [LazyModel(i) for i in range(100)]
lazy_created = held() - start
print(f"100 lazy models, after creating:    {lazy_created:,} bytes")
first_result = touch(lazy[0])
lazy_one = held() - start
print(f"100 lazy models, after touching one: {lazy_one:,} bytes")
for m in lazy:
    touch(m)
print(f"100 lazy models, after touching all: {held() - start:,} bytes")
del lazy

start = held()
cached = [CachedModel(i) for i in range(100)]
print(f"100 cached models, after creating:  {held() - start:,} bytes")
touch(cached[0])
print(f"100 cached models, after touching one: {held() - start:,} bytes")
del cached

model = LazyModel(5)
calls = GETATTR_CALLS["count"]
model.model_id
print(f"__getattr__ runs when reading model.model_id: {GETATTR_CALLS['count'] > calls}")
model.embedding
calls = GETATTR_CALLS["count"]
model.embedding
print(f"__getattr__ runs on the second read of model.embedding: {GETATTR_CALLS['count'] > calls}")
print(f"the loaded embedding is stored in the instance __dict__: {'embedding' in vars(model)}")
print(f"hasattr(model, 'weights'): {hasattr(model, 'weights')}")

touch(model)
field_cost = eager_bytes / 100 / 2   # one loaded field, from the eager figure
mem_before = held()
again = touch(model)
reloaded = round((held() - mem_before) / field_cost)
print(f"touching model 5 again returned {again} and loaded "
      f"{reloaded} fields")
tracemalloc.stop()

print(f"touching one lazy model costs less than loading all: {lazy_one < eager_bytes}")
