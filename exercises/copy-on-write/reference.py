"""Heapwise reference program for copy-on-write (O8).

Two views over one configuration dict. The eager view copies the dict as
soon as it is created; the copy-on-write view keeps pointing at the shared
dict and makes its private copy only when it is first written to. The
program measures both with tracemalloc and checks that a write through one
view is invisible to the other view and to the original dict.
"""
import platform
import struct
import sys
import tracemalloc


class EagerView:
    """Owns a private copy of the data from the moment it exists."""

    def __init__(self, data):
        self._data = dict(data)

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value


class CowView:
    """Reads the shared dict; copies it once, on the first write."""

    def __init__(self, data):
        self._data = data
        self._owns_data = False

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        if not self._owns_data:
            self._data = dict(self._data)
            self._owns_data = True
        self._data[key] = value

    def shares(self, data):
        return self._data is data


def traced_now():
    return tracemalloc.get_traced_memory()[0]


def run(view_class, config):
    """Bytes held by two views after creation and after one write."""
    tracemalloc.start()
    start = traced_now()
    writer = view_class(config)
    reader = view_class(config)
    after_create = traced_now() - start
    writer.set("key0", -1)
    after_write = traced_now() - start
    tracemalloc.stop()
    untouched = reader.get("key0") == 0 and config["key0"] == 0 and writer.get("key0") == -1
    return after_create, after_write, untouched, (writer, reader)


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

entries = 10_000
config = {f"key{i}": i for i in range(entries)}
print(f"the shared dict of {entries:,} entries: {sys.getsizeof(config):,} bytes (getsizeof)")

eager_create, eager_write, eager_ok, _ = run(EagerView, config)
cow_create, cow_write, cow_ok, (writer, reader) = run(CowView, config)

print(f"eager, two views created: {eager_create:,} bytes")
print(f"eager, after one write: {eager_write:,} bytes")
print(f"copy-on-write, two views created: {cow_create:,} bytes")
print(f"copy-on-write, after one write: {cow_write:,} bytes")
print(f"the reader still shares the original dict: {reader.shares(config)}")
print(f"the writer has its own copy: {not writer.shares(config)}")
print(f"writes stayed private in both versions: {eager_ok and cow_ok}")
print(f"copy-on-write holds less after one write: {cow_write < eager_write}")
