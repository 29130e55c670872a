# correct: written from the task alone; LazyModel declares __slots__ with a "__dict__" slot (no weak references to it) and fills self.__dict__, each class measured in a trace of its own, the figures kept in a dict and the last line read from it, a counter of __getattr__ calls of any name
import tracemalloc
from functools import cached_property

loader_calls = 0
fallback_calls = 0


def load_embedding(model_id):
    global loader_calls
    loader_calls += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    global loader_calls
    loader_calls += 1
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}


class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)


class LazyModel:
    __slots__ = ("model_id", "__dict__")
    _loaders = {"embedding": load_embedding, "metadata": load_metadata}

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        global fallback_calls
        fallback_calls += 1
        if name not in LazyModel._loaders:
            raise AttributeError(name)
        value = self.__dict__[name] = LazyModel._loaders[name](self.model_id)
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


held = {}


def current():
    return tracemalloc.get_traced_memory()[0]


tracemalloc.start()
base = current()
group = [EagerModel(n) for n in range(100)]
held["eager"] = current() - base
del group
tracemalloc.stop()

tracemalloc.start()
base = current()
group = [LazyModel(n) for n in range(100)]
held["lazy, created"] = current() - base
touch(group[0])
held["lazy, one touched"] = current() - base
for member in group:
    touch(member)
held["lazy, all touched"] = current() - base
del group, member
tracemalloc.stop()

tracemalloc.start()
base = current()
group = [CachedModel(n) for n in range(100)]
held["cached_property, created"] = current() - base
touch(group[0])
held["cached_property, one touched"] = current() - base
del group
tracemalloc.stop()

for label, size in held.items():
    print(f"{label:>30}: {size:>12,} bytes held")

probe = LazyModel(42)
before = fallback_calls
probe.model_id
print("__getattr__ runs when reading model.model_id =", fallback_calls != before)
probe.embedding
before = fallback_calls
probe.embedding
print("__getattr__ runs on the second read of model.embedding =", fallback_calls != before)
print("the loaded embedding is stored in the instance __dict__ =", "embedding" in probe.__dict__)
print("hasattr(model, 'weights') =", hasattr(probe, "weights"))

touch(probe)
before = loader_calls
touch(probe)
print("loader calls made by touching the loaded model again:", loader_calls - before)

print("touching one lazy model costs less than loading all:", held["lazy, one touched"] < held["eager"])
