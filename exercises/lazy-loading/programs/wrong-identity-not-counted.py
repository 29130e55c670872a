# wrong: nothing is counted: 'runs on the second read' and the 'loader calls during a second touch' figure are inferred from whether two reads return the same object, not from observing __getattr__ or the loaders (LOADS and getattr_calls are kept but never read)
# fails: the program prints the four statements with what they evaluate to
import tracemalloc
from collections import Counter
from functools import cached_property

LOADS = Counter()


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
    getattr_calls = 0

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        type(self).getattr_calls += 1
        loaders = {"embedding": load_embedding, "metadata": load_metadata}
        if name not in loaders:
            raise AttributeError(name)
        value = loaders[name](self.model_id)
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


class Tracer:
    """Bytes traced now, counted from the moment mark() was last called."""

    def mark(self):
        self.base = tracemalloc.get_traced_memory()[0]

    def held(self):
        return tracemalloc.get_traced_memory()[0] - self.base


def line(label, nbytes):
    print(f"{label:<42} {nbytes:>12,} bytes")


COUNT = 100
tracemalloc.start()
t = Tracer()

t.mark()
eager = [EagerModel(i) for i in range(COUNT)]
eager_bytes = t.held()
line("100 EagerModels after creating them", eager_bytes)
del eager

t.mark()
lazy = [LazyModel(i) for i in range(COUNT)]
lazy_created = t.held()
first_result = touch(lazy[0])
lazy_one = t.held()
for model in lazy:
    touch(model)
lazy_all = t.held()
line("100 LazyModels after creating them", lazy_created)
line("100 LazyModels after touching one", lazy_one)
line("100 LazyModels after touching all", lazy_all)
del lazy

t.mark()
cached = [CachedModel(i) for i in range(COUNT)]
cached_created = t.held()
touch(cached[0])
cached_one = t.held()
line("100 CachedModels after creating them", cached_created)
line("100 CachedModels after touching one", cached_one)
tracemalloc.stop()
print(f"touch(first lazy model) returned {first_result}")

model = LazyModel(3)
model.model_id
runs_for_id = "model_id" not in vars(model)
first_read = model.embedding
runs_second = model.embedding is not first_read
print(f"__getattr__ runs when reading model.model_id: {runs_for_id}")
print(f"__getattr__ runs on the second read of model.embedding: {runs_second}")
print(f"the loaded embedding is stored in the instance __dict__: {'embedding' in vars(model)}")
print(f"hasattr(model, 'weights'): {hasattr(model, 'weights')}")

for m in (LazyModel(5), CachedModel(5)):
    touch(m)
    before = m.embedding
    touch(m)
    print(f"{type(m).__name__}: loader calls during a second touch: {int(m.embedding is not before)}")

print(f"touching one lazy model costs less than loading all: {lazy_one < eager_bytes}")
