# wrong: the first view is never written; the after-write figure is the two views' creation figure plus the cost of one write measured on a spare third view, so the "after one write through the first view" figure is worked out, not measured
# fails: the write is made through one of the two views measured: run again with each view holding 200,000 bytes until its first write, each after-write figure grows by one view's 200,000
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
        self._private = False

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        if not self._private:
            self._data = dict(self._data)
            self._private = True
        self._data[key] = value


config = {f"key{i}": i for i in range(10_000)}


def traced(action):
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    result = action()
    held = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    return result, held


def held_by_views(kind, source, key, value):
    """Traced bytes held by two views, after creating them and after one write."""
    views, created = traced(lambda: (kind(source), kind(source)))
    probe = kind(source)
    _, write_cost = traced(lambda: probe.set(key, value))
    return views, probe, created, created + write_cost


KEY = "key42"
before = config[KEY]
after_write = {}
for kind in (EagerView, CowView):
    (writer, reader), probe, created, written = held_by_views(kind, config, KEY, -1)
    after_write[kind.__name__] = written
    print(f"{kind.__name__}: two views hold {created:,} bytes when created, "
          f"{written:,} bytes after one write")
    untouched = reader.get(KEY) == before and config[KEY] == before
    print(f"{kind.__name__}: writer sees {probe.get(KEY)}, second view and "
          f"original still hold the old value: {untouched}")

print("copy-on-write holds less after one write:",
      after_write["CowView"] < after_write["EagerView"])
