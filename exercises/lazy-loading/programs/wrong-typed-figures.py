# wrong: the classes are right, but every figure, statement and the last line are typed in from a run elsewhere; nothing is measured
# fails: the program prints the bytes held after each of the six steps, as measured by the check
# fails: a result of touching a model, when the program prints one, is what `touch` returned: run again with embeddings one higher, it moves
"""Heapwise reference program for lazy-loading (O6).

A model has two expensive fields: an embedding of 10,000 numbers and a
metadata dict of 1,000 entries. The eager class builds both in __init__.
The lazy class builds each one in __getattr__, which Python calls only when
normal attribute lookup fails, and stores it on the instance, so the next
read finds it there and never reaches __getattr__ again. The same laziness
with functools.cached_property is shown beside it. With 100 models, compare
the bytes held after creating them, after touching one, and after touching all.
"""
import platform
import struct
import tracemalloc
from functools import cached_property

MODELS = 100
EMBEDDING_LENGTH = 10_000
METADATA_ENTRIES = 1_000


loads = 0


def load_embedding(model_id):
    """Stands in for reading a vector from disk."""
    global loads
    loads += 1
    return [float((model_id * 31 + j) % 100) for j in range(EMBEDDING_LENGTH)]


def load_metadata(model_id):
    """Stands in for parsing a metadata file."""
    return {f"key{k}": k * (model_id + 1) for k in range(METADATA_ENTRIES)}


class EagerModel:
    def __init__(self, model_id):
        self.model_id = model_id
        self.embedding = load_embedding(model_id)
        self.metadata = load_metadata(model_id)


fallbacks = 0  # how many times LazyModel.__getattr__ ran


class LazyModel:
    LOADERS = {"embedding": load_embedding, "metadata": load_metadata}

    def __init__(self, model_id):
        self.model_id = model_id

    def __getattr__(self, name):
        # Reached only when normal lookup found nothing: the first read of a
        # field, or a name that does not exist at all.
        global fallbacks
        fallbacks += 1
        loader = type(self).LOADERS.get(name)
        if loader is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        # model_id is a real attribute, so reading it never comes back here.
        value = loader(self.model_id)
        object.__setattr__(self, name, value)  # now an instance attribute: found without us next time
        return value


class CachedModel:
    """The same laziness with the standard library's descriptor."""

    def __init__(self, model_id):
        self.model_id = model_id

    @cached_property
    def embedding(self):
        return load_embedding(self.model_id)

    @cached_property
    def metadata(self):
        return load_metadata(self.model_id)


def touch(model):
    """Reads both expensive fields once; returns something computed from them."""
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
