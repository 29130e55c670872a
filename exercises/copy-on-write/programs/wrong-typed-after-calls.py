# wrong: measures both kinds of view with tracemalloc as the task asks, then prints figures typed in from a CPython 3.11 run
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
TYPED = {"EagerView": (415_912, 415_960), "CowView": (632, 208_344)}
for kind in (EagerView, CowView):
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    first, second = kind(config), kind(config)
    created = tracemalloc.get_traced_memory()[0] - base
    first.set("key5", -5)
    written = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    assert first.get("key5") == -5
    assert second.get("key5") == 5 and config["key5"] == 5
    figures[kind.__name__] = written
    # Measured above, then a CPython 3.11 run's figures printed instead.
    created, written = TYPED[kind.__name__]
    print(f"{kind.__name__}: {created} bytes after creating two views, {written} bytes after one write")

print(f"copy-on-write holds less after one write: {figures['CowView'] < figures['EagerView']}")
