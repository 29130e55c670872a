# wrong: the naive approach under the task's name: CowView copies the dict in its constructor, as EagerView does
# fails: creating a `CowView` copies nothing (measured by the check)
# fails: the program concludes: copy-on-write holds less after one write: True
import tracemalloc

class EagerView:
    def __init__(self, data):
        self._data = dict(data)

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value

class CowView(EagerView):
    pass

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
