# correct: round 13: the figures and the old-value checks gathered per kind and printed as JSON, each kind's name on the line above its figures (p.naming reads the figures under it)
import json
import tracemalloc
from contextlib import contextmanager


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


@contextmanager
def tracing():
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    yield lambda: tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()


config = {f"key{i}": i for i in range(10_000)}
results = {}
for kind in (EagerView, CowView):
    with tracing() as now:
        pair = [kind(config) for _ in range(2)]
        created = now()
        pair[0].set("key42", -1)
        written = now()
    results[kind.__name__] = {"after_create": created, "after_write": written,
                              "second_view_old": pair[1].get("key42") == 42,
                              "original_old": config["key42"] == 42}

print("traced bytes per kind:")
print(json.dumps(results, indent=2))
print("copy-on-write holds less after one write: "
      + str(results["CowView"]["after_write"] < results["EagerView"]["after_write"]))
