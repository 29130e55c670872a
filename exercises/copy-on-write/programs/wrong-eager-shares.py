# wrong: the given EagerView broken: it keeps the caller's dict instead of copying it, so its write reaches the dict; the rest as the task asks, the old values printed
# fails: `EagerView` (given) still copies the dict when it is created, so its writes stay its own
import tracemalloc

class EagerView:
    def __init__(self, data):
        self._data = data

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

config = {f"key{i}": i for i in range(10_000)}

figures = {}
for kind in (EagerView, CowView):
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    first, second = kind(config), kind(config)
    created = tracemalloc.get_traced_memory()[0] - base
    first.set("key5", -5)
    written = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    assert first.get("key5") == -5
    print(f"  second view reads {second.get('key5')}, the dict holds {config['key5']}")
    figures[kind.__name__] = written
    print(f"{kind.__name__}: {created} bytes after creating two views, {written} bytes after one write")

print(f"copy-on-write holds less after one write: {figures['CowView'] < figures['EagerView']}")
