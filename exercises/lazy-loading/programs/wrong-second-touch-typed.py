# wrong: step 4's last part typed: the model is touched once, but never again, and the line saying a second touch loaded 0 things is typed, not counted
# fails: the program shows that touching a loaded model again loads nothing
import tracemalloc
from functools import cached_property

load_count = 0


def load_embedding(model_id):
    global load_count
    load_count += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    global load_count
    load_count += 1
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}


class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)


class LazyModel:
    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        if name == "embedding":
            value = load_embedding(self.model_id)
        elif name == "metadata":
            value = load_metadata(self.model_id)
        else:
            raise AttributeError(f"LazyModel has no {name}")
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


tracemalloc.start()
start = tracemalloc.get_traced_memory()[0]
models = [EagerModel(i) for i in range(100)]
eager_held = tracemalloc.get_traced_memory()[0] - start
print(f"EagerModel: {eager_held:,} bytes for 100 models")
del models

start = tracemalloc.get_traced_memory()[0]
models = [LazyModel(i) for i in range(100)]
figures = [tracemalloc.get_traced_memory()[0] - start]
touch(models[0])
figures.append(tracemalloc.get_traced_memory()[0] - start)
for model in models:
    touch(model)
figures.append(tracemalloc.get_traced_memory()[0] - start)
for what, size in zip(("created", "one touched", "all touched"), figures):
    print(f"LazyModel, {what}: {size:,} bytes")
lazy_one_held = figures[1]
del models

start = tracemalloc.get_traced_memory()[0]
models = [CachedModel(i) for i in range(100)]
print(f"CachedModel, created: {tracemalloc.get_traced_memory()[0] - start:,} bytes")
touch(models[0])
print(f"CachedModel, one touched: {tracemalloc.get_traced_memory()[0] - start:,} bytes")
del models
tracemalloc.stop()

seen = []
original = LazyModel.__getattr__


def recording(self, name):
    seen.append(name)
    return original(self, name)


LazyModel.__getattr__ = recording
model = LazyModel(1)
_ = model.model_id
print("__getattr__ runs when reading model.model_id ->", bool(seen))
_ = model.embedding
seen.clear()
_ = model.embedding
print("__getattr__ runs on the second read of model.embedding ->", bool(seen))
LazyModel.__getattr__ = original
print("the loaded embedding is stored in the instance __dict__ ->", "embedding" in model.__dict__)
print("hasattr(model, 'weights') ->", hasattr(model, "weights"))

touch(model)
print("a second touch of a loaded model loaded 0 things")

print(f"touching one lazy model costs less than loading all: {lazy_one_held < eager_held}")
