# wrong: a working CowView, but the figures and the conclusion are typed in (the reference's), nothing is measured
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
print("EagerView: 415864 bytes after creating two views, 415896 bytes after one write")
print("CowView: 632 bytes after creating two views, 208280 bytes after one write")
print("copy-on-write holds less after one write: True")
