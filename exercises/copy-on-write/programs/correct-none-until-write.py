# correct: written from the task alone, differently: CowView keeps the shared dict and a private one that is None until the first write, get looks in the private one first; one tracemalloc session with clear_traces between kinds, figures in KiB, the old values checked and printed, "=" in the last line
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
        self.shared = data
        self.own = None

    def get(self, key):
        source = self.shared if self.own is None else self.own
        return source[key]

    def set(self, key, value):
        if self.own is None:
            self.own = self.shared.copy()
        self.own[key] = value

config = {f"key{i}": i for i in range(10_000)}

tracemalloc.start()
after_write = []
for label, make in (("eager copy", EagerView), ("copy-on-write", CowView)):
    tracemalloc.clear_traces()
    zero = tracemalloc.get_traced_memory()[0]
    views = [make(config) for _ in range(2)]
    made = tracemalloc.get_traced_memory()[0] - zero
    views[0].set("key42", "changed")
    changed = tracemalloc.get_traced_memory()[0] - zero
    after_write.append(changed)
    print(f"{label}: two views {made / 1024:.1f} KiB, after one write {changed / 1024:.1f} KiB")
    print(f"  second view still reads {views[1].get('key42')}, the dict still holds {config['key42']}")
    del views
tracemalloc.stop()

print("Copy-on-write holds less after one write =", after_write[1] < after_write[0])
