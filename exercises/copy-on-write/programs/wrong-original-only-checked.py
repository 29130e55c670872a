# wrong: round 13: step 4 checks only the original dict for the old value, never the second view
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
after = {}
for cls in (EagerView, CowView):
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    first, second = cls(config), cls(config)
    made = tracemalloc.get_traced_memory()[0] - start
    first.set("key7", 700)
    written = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    after[cls.__name__] = written
    print(f"{cls.__name__}: after creating two views {made} B, after one write {written} B")
    print(f"{cls.__name__}: second view and original keep the old value: {config['key7'] == 7}")
print("copy-on-write holds less after one write: " + str(after["CowView"] < after["EagerView"]))
