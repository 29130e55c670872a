# wrong: WeakNode stores weakref.ref(parent) but also the parent itself in another slot, so the cycles stay
# fails: `WeakNode` stores `weakref.ref(parent)` and its `parent` property calls it
# fails: deleting the root of 10,000 `WeakNode`s frees them without `gc.collect()` (measured by the check)
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
        found = self.images.get(key)
        if found is not None:
            return found
        fresh = Image(key)
        self.images[key] = fresh
        return fresh


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
    __slots__ = ("_parent", "children", "__weakref__", "_up")

    def __init__(self, parent):
        self._parent = None if parent is None else weakref.ref(parent)
        self._up = parent
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


def views_left(cache_class):
    gc.collect()
    tracemalloc.start()
    cache = cache_class()
    for n in range(200):
        view = [cache.get(n % IMAGES)]
        del view
    held = len(cache.images)
    traced = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return held, traced


for cls in (StrongCache, WeakCache):
    held, traced = views_left(cls)
    print(f"{cls.__name__}: {held} images held, {traced} bytes still traced")

subject = Subject()
kept = Observer()
subject.subscribe(kept)
subject.subscribe(Observer())
print("observers notified:", subject.notify("zoom"))


def tree_left(node_class):
    gc.collect()
    gc.disable()
    tracemalloc.start()
    root = build_tree(node_class)
    del root
    left = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    found = gc.collect()
    gc.enable()
    return left, found


strong_left, strong_found = tree_left(StrongNode)
weak_left, weak_found = tree_left(WeakNode)
print(f"StrongNode tree after del: {strong_left} bytes traced, gc.collect() found {strong_found}")
print(f"WeakNode tree after del: {weak_left} bytes traced, gc.collect() found {weak_found}")

img = Image("demo")
ref = weakref.ref(img)
print("ref() before del:", ref())
weakref.finalize(img, print, "image demo died")
del img
print("ref() after del:", ref())

print("weak back-references free the tree without the collector:",
      weak_found == 0 and weak_left < strong_left)
