# wrong: measures the views over a 5,000-entry dict and prints twice those figures as the figures of the task's 10,000 entries
# fails: the program prints, for each kind of view, the traced bytes of two views after creating them and after one write
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
half = {f"key{i}": i for i in range(5_000)}  # half the task's dict
for kind in (EagerView, CowView):
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    first, second = kind(half), kind(half)  # measured at half the size ...
    created = (tracemalloc.get_traced_memory()[0] - base) * 2  # ... and doubled
    first.set("key5", -5)
    written = (tracemalloc.get_traced_memory()[0] - base) * 2
    tracemalloc.stop()
    first, second = kind(config), kind(config)
    first.set("key5", -5)
    assert first.get("key5") == -5
    assert second.get("key5") == 5 and config["key5"] == 5
    figures[kind.__name__] = written
    print(f"{kind.__name__}: {created} bytes after creating two views, {written} bytes after one write")

print(f"copy-on-write holds less after one write: {figures['CowView'] < figures['EagerView']}")
