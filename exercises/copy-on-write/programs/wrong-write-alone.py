# wrong: the after-write figure is read from a fresh baseline taken after creating the views, so it is the write alone, not what the two views hold after it
# fails: the program concludes: copy-on-write holds less after one write: True
import tracemalloc


class EagerView:
    def __init__(self, data):
        self._data = dict(data)

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value


class CowView:
    def __init__(self, data):
        self._shared = data
        self._copy = None

    def get(self, key):
        return (self._shared if self._copy is None else self._copy)[key]

    def set(self, key, value):
        if self._copy is None:
            self._copy = dict(self._shared)
        self._copy[key] = value


def traced_bytes(kind, settings):
    tracemalloc.start()
    zero, _ = tracemalloc.get_traced_memory()
    views = [kind(settings) for _ in range(2)]
    after_create = tracemalloc.get_traced_memory()[0] - zero
    zero = tracemalloc.get_traced_memory()[0]
    views[0].set("key42", 4242)
    after_write = tracemalloc.get_traced_memory()[0] - zero
    tracemalloc.stop()
    return views, after_create, after_write


settings = {f"key{i}": i for i in range(10_000)}
results = {}
for kind in (EagerView, CowView):
    views, after_create, after_write = traced_bytes(kind, settings)
    results[kind.__name__] = after_write
    print(f"{kind.__name__} x2 created: {after_create:,} B traced")
    print(f"{kind.__name__} x2 after one write: {after_write:,} B traced")
    print(f"{kind.__name__}: second view reads {views[1].get('key42')}, original holds {settings['key42']}")

print("copy-on-write holds less after one write:", results["CowView"] < results["EagerView"])
