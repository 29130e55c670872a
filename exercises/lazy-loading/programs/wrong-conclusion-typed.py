# wrong: every figure measured, but the last line is typed: True whatever the lazy and eager figures are
# fails: the last line compares the program's own figures: run again with an `EagerModel` that loads nothing, it says False
import tracemalloc
from functools import cached_property

def load_embedding(model_id):
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]

def load_metadata(model_id):
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}

class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)

LOADS = []

class LazyModel:
    LOADERS = {"embedding": load_embedding, "metadata": load_metadata}

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        loader = type(self).LOADERS.get(name)
        if loader is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        LOADS.append(name)
        value = loader(self.model_id)
        self.__dict__[name] = value
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
base = held()
eager = [EagerModel(i) for i in range(100)]
eager_bytes = held() - base
print("100 eager models hold", eager_bytes, "bytes")
del eager

base = held()
lazy = [LazyModel(i) for i in range(100)]
print("100 lazy models, just made:", held() - base, "bytes")
touch(lazy[0])
lazy_one = held() - base
print("100 lazy models, one touched:", lazy_one, "bytes")
for m in lazy:
    touch(m)
print("100 lazy models, all touched:", held() - base, "bytes")

base = held()
cached = [CachedModel(i) for i in range(100)]
print("100 cached models, just made:", held() - base, "bytes")
touch(cached[0])
print("100 cached models, one touched:", held() - base, "bytes")

probe = LazyModel(7)
before = len(LOADS)
probe.model_id
print("__getattr__ runs when reading model.model_id", len(LOADS) > before)
probe.embedding
before = len(LOADS)
probe.embedding
print("__getattr__ runs on the second read of model.embedding", len(LOADS) > before)
print("the loaded embedding is stored in the instance __dict__", "embedding" in vars(probe))
print("hasattr(model, 'weights')", hasattr(probe, "weights"))

before = len(LOADS)
touch(lazy[0])
print("loads made by touching lazy[0] again:", len(LOADS) - before)
tracemalloc.stop()

print("touching one lazy model costs less than loading all: True")
