# wrong: everything but step 4's check: a working CowView, both kinds measured and printed, the conclusion from the two after-write figures, but the second view and the original dict are never read after the write
# fails: the program checks that the second view and the original dict still hold the old value
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
for kind in (EagerView, CowView):
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    first, second = kind(config), kind(config)
    created = tracemalloc.get_traced_memory()[0] - base
    first.set("key5", -5)
    written = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    figures[kind.__name__] = written
    print(f"{kind.__name__}: {created} bytes after creating two views, {written} bytes after one write")

print(f"copy-on-write holds less after one write: {figures['CowView'] < figures['EagerView']}")
