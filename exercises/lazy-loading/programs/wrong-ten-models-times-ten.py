# wrong: measures 10 eager models and prints ten times that as the bytes held by 100
# fails: the program prints the bytes held after each of the six steps, as measured by the check
import tracemalloc
from functools import cached_property

loads = {"embedding": 0, "metadata": 0}


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
        loader = LOADERS.get(name)
        if loader is None:
            raise AttributeError(name)
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


def build(cls):
    models = []
    i = 0
    while i < 100:
        models.append(cls(i))
        i += 1
    return models


tracemalloc.start()
base = held()
eager = [EagerModel(i) for i in range(10)]  # ten models measured ...
eager_bytes = (held() - base) * 10  # ... and taken for a hundred
print("eager x100 held:", eager_bytes)
del eager

base = held()
lazy = build(LazyModel)
lazy_created = held() - base
touch(lazy[3])
lazy_one = held() - base
for m in lazy:
    touch(m)
lazy_all = held() - base
print("lazy x100 held when created:", lazy_created, "| one touched:", lazy_one, "| all touched:", lazy_all)
del lazy

base = held()
cached = build(CachedModel)
cached_created = held() - base
touch(cached[3])
cached_one = held() - base
print("cached_property x100 held when created:", cached_created, "| one touched:", cached_one)
del cached
tracemalloc.stop()

# The four statements
calls = []


class Spy(LazyModel):
    def __getattr__(self, name):
        calls.append(name)
        return super().__getattr__(name)


m = Spy(5)
m.model_id
print("__getattr__ runs when reading model.model_id =", "model_id" in calls)
m.embedding
calls.clear()
m.embedding
print("__getattr__ runs on the second read of model.embedding =", "embedding" in calls)
print("the loaded embedding is stored in the instance __dict__ =", "embedding" in vars(m))
print("hasattr(model, 'weights') =", hasattr(m, "weights"))

touch(m)
before = dict(loads)
touch(m)
print("loads caused by touching a loaded model again:", sum(loads.values()) - sum(before.values()))

print("touching one lazy model costs less than loading all: ", lazy_one < eager_bytes)
