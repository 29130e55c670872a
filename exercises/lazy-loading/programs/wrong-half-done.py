# wrong: half the task: LazyModel is right, but there is no CachedModel, the CachedModel figures and the four statements are missing
# fails: `LazyModel`'s and `CachedModel`'s fields are the ones the loaders make for that model
# fails: `CachedModel` uses `functools.cached_property` and keeps what it loaded
# fails: the program prints the bytes held after each of the six steps, as measured by the check
# fails: the program prints the four statements with what they evaluate to
import tracemalloc

calls = 0


def load_embedding(model_id):
    global calls
    calls += 1
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    global calls
    calls += 1
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
            raise AttributeError(name)
        setattr(self, name, value)
        return value


def touch(model):
    return int(sum(model.embedding)) + model.metadata["key7"]


tracemalloc.start()
models = [EagerModel(i) for i in range(100)]
eager = tracemalloc.get_traced_memory()[0]
print("eager:", eager)
del models
tracemalloc.stop()
tracemalloc.start()
models = [LazyModel(i) for i in range(100)]
print("lazy created:", tracemalloc.get_traced_memory()[0])
touch(models[0])
lazy_one = tracemalloc.get_traced_memory()[0]
print("lazy one touched:", lazy_one)
for m in models:
    touch(m)
print("lazy all touched:", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
before = calls
touch(models[0])
print("loads when touched again:", calls - before)
print("touching one lazy model costs less than loading all:", lazy_one < eager)
