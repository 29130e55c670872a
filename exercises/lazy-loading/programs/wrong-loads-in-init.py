# wrong: the naive approach under the lazy name: LazyModel reads both fields in __init__ (mutant: LazyModel loads in __init__)
# fails: creating `LazyModel`s loads nothing (measured by the check)
# fails: the program ends by saying whether touching one lazy model costs less than loading all, as measured
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
        self.embedding
        self.metadata

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


def held():
    """Bytes traced right now."""
    return tracemalloc.get_traced_memory()[0]


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

tracemalloc.start()
eager = [EagerModel(i) for i in range(MODELS)]
eager_created = held()
eager_first = touch(eager[0])
del eager
tracemalloc.stop()
print(f"eager, after creating {MODELS} models: {eager_created:,} bytes")

tracemalloc.start()
lazy = [LazyModel(i) for i in range(MODELS)]
lazy_created = held()
lazy_first = touch(lazy[0])
lazy_one = held()
for model in lazy[1:]:
    touch(model)
lazy_all = held()
del lazy, model
tracemalloc.stop()
print(f"lazy (__getattr__), after creating {MODELS} models: {lazy_created:,} bytes")
print(f"lazy (__getattr__), after touching one: {lazy_one:,} bytes")
print(f"lazy (__getattr__), after touching all: {lazy_all:,} bytes")

model = LazyModel(0)
calls_before = fallbacks
model.model_id
print(f"__getattr__ runs when reading model.model_id: {fallbacks > calls_before}")
first = model.embedding
calls_after_first = fallbacks
again = model.embedding
print(f"__getattr__ runs on the second read of model.embedding: {fallbacks > calls_after_first}")
print(f"the loaded embedding is stored in the instance __dict__: {vars(model).get('embedding') is first}")
print(f"hasattr(model, 'weights'): {hasattr(model, 'weights')}")
loads_before = loads
touch(model)
touch(model)
print(f"loads caused by touching a loaded model twice: {loads - loads_before}")

tracemalloc.start()
cached = [CachedModel(i) for i in range(MODELS)]
cached_created = held()
cached_first = touch(cached[0])
cached_one = held()
del cached
tracemalloc.stop()
print(f"cached_property, after creating {MODELS} models: {cached_created:,} bytes")
print(f"cached_property, after touching one: {cached_one:,} bytes")

# Timing, untraced: the lazy way measured above (create every model, touch
# one), for the page to set beside the Rust variant that loads on first
# access (OnceCell) with as many models. It uses timeit with the step as a
# string, compiled only now: one more function or lambda anywhere in this
# file, even one never called, moves the first figure printed above (on
# CPython 3.11.7, from 43,774,984 to 43,774,872 bytes). timeit turns the
# cyclic collector off while it times; the setup turns it back on, as it is
# while the program runs.
import timeit

assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
step = "touch([LazyModel(i) for i in range(MODELS)][0])"
us = min(timeit.repeat(step, setup="import gc; gc.enable()", repeat=5, number=10, globals=globals())) / 10 * 1e6
print(f"timing: variant optimized at touched=1: {us:.1f} us per call, best of 5 (tracemalloc off)")
print(f"result of touching the first model: {lazy_first:,}, eager and cached_property give the same: "
      f"{eager_first == lazy_first == cached_first}")
print(f"touching one lazy model costs less than loading all: {lazy_one < eager_created}")
