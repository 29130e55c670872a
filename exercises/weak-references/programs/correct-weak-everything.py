# correct: WeakValueDictionary cache, WeakSet observers, weakref.ref parent with property; caches, observers and trees compared with tracemalloc and gc disabled; ref before/after del, finalize; computed last line
import gc
import tracemalloc
import weakref

IMAGE_BYTES = 10_000
IMAGES = 100
TREE_NODES = 10_000
FANOUT = 4


class Image:
    def __init__(self, key):
        self.key = key
        self.pixels = bytearray(IMAGE_BYTES)


class StrongCache:
    def __init__(self):
        self.images = {}

    def get(self, key):
        image = self.images.get(key)
        if image is None:
            image = self.images[key] = Image(key)
        return image


class WeakCache:
    def __init__(self):
        self.images = weakref.WeakValueDictionary()

    def get(self, key):
        image = self.images.get(key)
        if image is None:
            image = Image(key)
            self.images[key] = image
        return image


class Subject:
    def __init__(self):
        self.observers = weakref.WeakSet()

    def subscribe(self, observer):
        self.observers.add(observer)

    def notify(self, event):
        return sum(observer.update(event) for observer in list(self.observers))


class Observer:
    def __init__(self):
        self.seen = []

    def update(self, event):
        self.seen.append(event)
        return 1


class StrongNode:
    __slots__ = ("parent", "children")

    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


class WeakNode:
    __slots__ = ("_parent", "children", "__weakref__")

    def __init__(self, parent):
        self._parent = None if parent is None else weakref.ref(parent)
        self.children = []
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        return None if self._parent is None else self._parent()


def build_tree(node_class):
    nodes = [node_class(None)]
    for i in range(1, TREE_NODES):
        nodes.append(node_class(nodes[(i - 1) // FANOUT]))
    return nodes[0]


def exercise_cache(cache_class):
    tracemalloc.start()
    cache = cache_class()
    first, second = cache.get(0), cache.get(0)
    shared = first is second
    del first, second
    for n in range(200):
        view = cache.get(n % IMAGES)
        del view
    held = len(cache.images)
    still = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return shared, held, still

for kind in (StrongCache, WeakCache):
    shared, held, still = exercise_cache(kind)
    print(f"{kind.__name__}: views share one image: {shared}; images held: {held}; bytes still traced: {still}")

subject = Subject()
kept = Observer()
subject.subscribe(kept)
subject.subscribe(Observer())
print("observers notified:", subject.notify("ping"), "of", len(subject.observers), "still subscribed")

gc.disable()
tree_results = {}
for kind in (StrongNode, WeakNode):
    tracemalloc.start()
    root = build_tree(kind)
    del root
    left = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    found = gc.collect()
    tree_results[kind.__name__] = (left, found)
    print(f"{kind.__name__}: {left} bytes still traced after del root; gc.collect() found {found}")
gc.enable()

img = Image("x")
r = weakref.ref(img)
print("ref() before del:", r())
weakref.finalize(img, print, "finalize: image x died")
del img
print("ref() after del:", r())

strong_left, strong_found = tree_results["StrongNode"]
weak_left, weak_found = tree_results["WeakNode"]
print("weak back-references free the tree without the collector:",
      weak_found == 0 and weak_left < strong_left)
