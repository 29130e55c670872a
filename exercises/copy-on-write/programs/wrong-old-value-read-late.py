# wrong: the 'old' value is read from the original dict after the writes, so the check that the second view and the original still hold the old value cannot fail even if a write leaked into the shared dict
# fails: the program checks that the second view and the original dict still hold the old value
import tracemalloc
from dataclasses import dataclass


class EagerView:
    def __init__(self, data):
        self._data = dict(data)

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value


class CowView:
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


@dataclass
class KindResult:
    name: str
    after_create: int
    after_write: int
    views: tuple


def measure_kind(kind, data, key, value):
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    first, second = kind(data), kind(data)
    after_create = tracemalloc.get_traced_memory()[0] - base
    first.set(key, value)
    after_write = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    return KindResult(kind.__name__, after_create, after_write, (first, second))


config = {f"key{i}": i for i in range(10_000)}
KEY, NEW = "key42", -1

results = [measure_kind(kind, config, KEY, NEW) for kind in (EagerView, CowView)]
OLD = config[KEY]
for r in results:
    print(f"{r.name}: two views hold {r.after_create:,} bytes after creating them, "
          f"{r.after_write:,} bytes after one write")

for r in results:
    first, second = r.views
    print(f"{r.name}: first view sees {first.get(KEY)}, second view still old: "
          f"{second.get(KEY) == OLD}, original still old: {config[KEY] == OLD}")

cow_second = results[1].views[1]
print(f"the unwritten CowView still shares the original dict: {cow_second._data is config}")
eager, cow = results
print(f"copy-on-write holds less after one write: {cow.after_write < eager.after_write}")
