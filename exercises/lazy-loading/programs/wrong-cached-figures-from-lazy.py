# wrong: round 10: the 100 'cached' models of step 3 are built from LazyModel (a copy-paste slip), so cached_property is never measured; the figures come out nearly as a correct program's
# fails: the figures for the 100 CachedModels are measured on CachedModels: run again with each holding 100,000 bytes more, they grow by about 10,000,000
import tracemalloc
from functools import cached_property

LOADS = {"embedding": 0, "metadata": 0}


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
    _loaders = {"embedding": load_embedding, "metadata": load_metadata}
    getattr_calls = []  # names that reached __getattr__, for the Predict checks

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        LazyModel.getattr_calls.append(name)
        loader = LazyModel._loaders.get(name)
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


COUNT = 100
figures = {}

tracemalloc.start()

base = held()
eager = [EagerModel(i) for i in range(COUNT)]
figures["eager, created"] = held() - base
del eager

base = held()
lazy = [LazyModel(i) for i in range(COUNT)]
figures["lazy, created"] = held() - base
touch(lazy[0])
figures["lazy, one touched"] = held() - base
for m in lazy:
    touch(m)
figures["lazy, all touched"] = held() - base
del lazy, m

base = held()
cached = [LazyModel(i) for i in range(COUNT)]
figures["cached_property, created"] = held() - base
touch(cached[0])
figures["cached_property, one touched"] = held() - base
del cached

tracemalloc.stop()

for label, amount in figures.items():
    print(f"{COUNT} models, {label:<30} {amount:>12,} bytes held")

# the Predict section
probe = LazyModel(7)
LazyModel.getattr_calls.clear()
probe.model_id
reads_model_id = "model_id" in LazyModel.getattr_calls
probe.embedding
LazyModel.getattr_calls.clear()
probe.embedding
second_read = "embedding" in LazyModel.getattr_calls
in_dict = "embedding" in vars(probe)
print(f"__getattr__ runs when reading model.model_id: {reads_model_id}")
print(f"__getattr__ runs on the second read of model.embedding: {second_read}")
print(f"the loaded embedding is stored in the instance __dict__: {in_dict}")
print(f"hasattr(model, 'weights'): {hasattr(probe, 'weights')}")

touch(probe)  # first touch: metadata is loaded now
before = dict(LOADS)
touch(probe)
touch(probe)
print(f"touching the loaded model twice more: embedding loads +{LOADS['embedding'] - before['embedding']}, "
      f"metadata loads +{LOADS['metadata'] - before['metadata']}")
cm = CachedModel(3)
touch(cm)
before = dict(LOADS)
touch(cm)
print(f"touching a loaded CachedModel again: loads +{sum(LOADS.values()) - sum(before.values())}")

print(f"touching one lazy model costs less than loading all: "
      f"{figures['lazy, one touched'] < figures['eager, created']}")
