# correct: flat script, CowView keeps a separate _own dict that is None until the first write (no boolean flag), one tracing session with a fresh baseline per kind, %-formatting
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
        self._shared = data
        self._own = None

    def get(self, key):
        if self._own is None:
            return self._shared[key]
        return self._own[key]

    def set(self, key, value):
        if self._own is None:
            self._own = dict(self._shared)
            self._shared = None
        self._own[key] = value


config = {f"key{i}": i for i in range(10_000)}
target = "key9999"
before = config[target]

tracemalloc.start()
figures = {}
kept = []
for kind in (EagerView, CowView):
    start = tracemalloc.get_traced_memory()[0]
    a = kind(config)
    b = kind(config)
    made = tracemalloc.get_traced_memory()[0] - start
    a.set(target, before + 1_000_000)
    written = tracemalloc.get_traced_memory()[0] - start
    figures[kind.__name__] = (made, written)
    kept.append((kind.__name__, a, b))
tracemalloc.stop()

for name in ("EagerView", "CowView"):
    print("%-9s after creating 2 views: %8d bytes | after 1 write: %8d bytes" % ((name,) + figures[name]))

for name, a, b in kept:
    second_ok = b.get(target) == before
    original_ok = config[target] == before
    print("%s: written view reads %d; second view old? %s; original old? %s" % (name, a.get(target), second_ok, original_ok))
print("untouched CowView still points at the original: %s" % (kept[1][2]._shared is config))

print("copy-on-write holds less after one write: {}".format(figures["CowView"][1] < figures["EagerView"][1]))
