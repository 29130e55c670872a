"""Heapwise reference program for lazy-loading (O6).

A model has two expensive fields: an embedding of 10,000 numbers and a
metadata dict of 1,000 entries. The eager class builds both in __init__;
the lazy class builds each one the first time it is read and keeps it
(functools.cached_property). With 100 models, compare the bytes held after
creating them, after touching one, and after touching all.
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


class LazyModel:
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
loads_before = loads
second_touch_same = touch(lazy[0]) == lazy_first
reloaded = loads != loads_before
cached = "embedding" in vars(lazy[0])
del lazy, model
tracemalloc.stop()

print(f"lazy, after creating {MODELS} models: {lazy_created:,} bytes")
print(f"lazy, after touching one: {lazy_one:,} bytes")
print(f"lazy, after touching all: {lazy_all:,} bytes")
print(f"touching the first model again reloads it: {reloaded}, same result: {second_touch_same}")
print(f"the loaded value is cached in the instance __dict__: {cached}")
print(f"result of touching the first model: {lazy_first:,}, eager gives the same: {eager_first == lazy_first}")
print(f"touching one lazy model costs less than loading all: {lazy_one < eager_created}")
