# correct: held-out round 12 (tester C): the traced bytes as a table headed "after creating (KiB)" and "after 1 write (KiB)"
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


def trace_views(view_cls, source):
    """Return (views, bytes after creating two, bytes after one write)."""
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    pair = [view_cls(source) for _ in range(2)]
    created = tracemalloc.get_traced_memory()[0] - base
    pair[0].set("key0", -1)
    written = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    return pair, created, written


settings = {f"key{i}": i for i in range(10_000)}
table = {}
for cls in (EagerView, CowView):
    views, created, written = trace_views(cls, settings)
    table[cls.__name__] = (created, written, views)

print(f"{'kind':<10}{'after creating (KiB)':>22}{'after 1 write (KiB)':>22}")
for name, (created, written, _) in table.items():
    print(f"{name:<10}{created / 1024:>22.1f}{written / 1024:>22.1f}")

for name, (_, _, (writer, reader)) in table.items():
    isolated = writer.get("key0") == -1 and reader.get("key0") == 0 and settings["key0"] == 0
    print(f"{name}: writer sees -1, other view and original keep 0: {isolated}")

print(f"copy-on-write holds less after one write: {table['CowView'][1] < table['EagerView'][1]}")
