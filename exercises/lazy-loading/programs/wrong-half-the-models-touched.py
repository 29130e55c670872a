# wrong: step 3's "after touching all" figure only touches every other lazy model (models[::2], 50 of the 100), so it is about half the real cost.
# fails: the program prints the bytes held after each of the six steps, as measured by the check
import tracemalloc
from functools import cached_property

COUNTER = {"loads": 0, "hooks": 0}


def load_embedding(model_id):
    COUNTER["loads"] += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    COUNTER["loads"] += 1
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
        COUNTER["hooks"] += 1
        if name == "embedding":
            data = load_embedding(self.model_id)
        elif name == "metadata":
            data = load_metadata(self.model_id)
        else:
            raise AttributeError(name)
        object.__setattr__(self, name, data)
        return data


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


def held_bytes():
    current, _peak = tracemalloc.get_traced_memory()
    return current


def report(label, nbytes):
    print(f"{label:<34}{nbytes:>12} B {nbytes / 1024:>10.1f} KiB")


tracemalloc.start()

zero = held_bytes()
models = [EagerModel(i) for i in range(100)]
eager = held_bytes() - zero
report("eager: 100 created", eager)
del models

zero = held_bytes()
models = [LazyModel(i) for i in range(100)]
report("lazy: 100 created", held_bytes() - zero)
touch(models[0])
one = held_bytes() - zero
report("lazy: one touched", one)
for model in models[::2]:
    touch(model)
report("lazy: all touched", held_bytes() - zero)
del models

zero = held_bytes()
models = [CachedModel(i) for i in range(100)]
report("cached_property: 100 created", held_bytes() - zero)
touch(models[0])
report("cached_property: one touched", held_bytes() - zero)
del models

tracemalloc.stop()
print()

m = LazyModel(11)
h = COUNTER["hooks"]
m.model_id
print(f"__getattr__ runs when reading model.model_id: {COUNTER['hooks'] != h}")
m.embedding
h = COUNTER["hooks"]
m.embedding
print(f"__getattr__ runs on the second read of model.embedding: {COUNTER['hooks'] != h}")
print(f"the loaded embedding is stored in the instance __dict__: {'embedding' in m.__dict__}")
print(f"hasattr(model, 'weights'): {hasattr(m, 'weights')}")

touch(m)
loads = COUNTER["loads"]
touch(m)
print(f"a second touch of the same model loaded {COUNTER['loads'] - loads} more fields")

print(f"touching one lazy model costs less than loading all: {one < eager}")
