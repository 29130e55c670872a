# wrong: step 3, prints the traced peak (get_traced_memory()[1]) after creating and after writing, not the bytes traced at that moment
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

def measure(kind, data):
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    first, second = kind(data), kind(data)
    after_create = tracemalloc.get_traced_memory()[1] - base
    first.set("key7", -7)
    after_write = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return first, second, after_create, after_write

config = {f"key{i}": i for i in range(10_000)}
after = {}
for kind in (EagerView, CowView):
    first, second, created, written = measure(kind, config)
    after[kind.__name__] = written
    print(f"{kind.__name__}: {created:,} bytes after creating two views, {written:,} bytes after one write")
    print(f"  first view sees {first.get('key7')}, second view sees {second.get('key7')}, original holds {config['key7']}")
    print(f"  unchanged elsewhere: {second.get('key7') == 7 and config['key7'] == 7}")
print(f"copy-on-write holds less after one write: {after['CowView'] < after['EagerView']}")
