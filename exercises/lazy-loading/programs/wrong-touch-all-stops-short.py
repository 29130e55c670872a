# wrong: the 'after touching all 100' loop runs while m < len(models) - 1, so model 99 is never touched and the figure is for 99 loaded models
# fails: touching all touches all 100 lazy models: run again noting each `LazyModel` that loads its fields, 100 made one after another all load them
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

FIELDS = ("embedding", "metadata")
getattr_names = []   # every name that reached LazyModel.__getattr__
loaded = [0]         # how many fields were loaded, lazy or cached

class LazyModel:
    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        getattr_names.append(name)
        if name not in FIELDS:
            raise AttributeError(name)
        value = globals()["load_" + name](self.model_id)
        loaded[0] += 1
        self.__dict__[name] = value
        return value

class CachedModel:
    def __init__(self, model_id):
        self.model_id = model_id

    @cached_property
    def embedding(self):
        loaded[0] += 1
        return load_embedding(self.model_id)

    @cached_property
    def metadata(self):
        loaded[0] += 1
        return load_metadata(self.model_id)

def touch(model):
    return int(sum(model.embedding)) + model.metadata["key7"]

held = {}
tracemalloc.start()
models = [EagerModel(m) for m in range(100)]
held["eager, after creating 100"] = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
del models

tracemalloc.start()
models = [LazyModel(m) for m in range(100)]
held["lazy, after creating 100"] = tracemalloc.get_traced_memory()[0]
touch(models[0])
held["lazy, after touching one"] = tracemalloc.get_traced_memory()[0]
m = 0
while m < len(models) - 1:
    touch(models[m])
    m += 1
held["lazy, after touching all 100"] = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
del models

tracemalloc.start()
models = [CachedModel(m) for m in range(100)]
held["cached_property, after creating 100"] = tracemalloc.get_traced_memory()[0]
touch(models[0])
held["cached_property, after touching one"] = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
del models

for step in held:
    print("%-38s %10d bytes held" % (step, held[step]))

probe = LazyModel(42)
mark = len(getattr_names)
probe.model_id
a = len(getattr_names) != mark
probe.embedding
mark = len(getattr_names)
probe.embedding
b = len(getattr_names) != mark
c = "embedding" in probe.__dict__
d = hasattr(probe, "weights")
print("__getattr__ runs when reading model.model_id: %s" % a)
print("__getattr__ runs on the second read of model.embedding: %s" % b)
print("the loaded embedding is stored in the instance __dict__: %s" % c)
print("hasattr(model, 'weights'): %s" % d)

r1 = touch(probe)
before = loaded[0]
r2 = touch(probe)
print("touching the loaded model again: touch -> %d (was %d), new loads: %d" % (r2, r1, loaded[0] - before))
print("touching one lazy model costs less than loading all: %s"
      % (held["lazy, after touching one"] < held["eager, after creating 100"]))
