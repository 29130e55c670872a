# wrong: the private copy is kept on the class, not on the view, so every CowView that writes shares one copy and sees the others' writes
# fails: a `CowView` reads the dict it was given, and a write through it changes only that view
import tracemalloc

class EagerView:
    def __init__(self, data):
        self._data = dict(data)

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value

class CowView:
    copy = None

    def __init__(self, data):
        self._data = data

    def get(self, key):
        if CowView.copy is not None and key in CowView.copy:
            return CowView.copy[key]
        return self._data[key]

    def set(self, key, value):
        if CowView.copy is None:
            CowView.copy = dict(self._data)
        CowView.copy[key] = value

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
