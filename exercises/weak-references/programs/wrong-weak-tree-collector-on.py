# wrong: round 13: the collector is disabled for the StrongNode tree only; the WeakNode tree is built and deleted with it on (the same figures here)
# fails: the program prints the bytes each tree still holds after `del root`, and what `gc.collect()` then finds
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
            image = self.images[key] = Image(key)
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
        self._parent = weakref.ref(parent) if parent is not None else None
        self.children = []
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        return self._parent() if self._parent is not None else None


def build_tree(node_class):
    nodes = [node_class(None)]
    for i in range(1, TREE_NODES):
        nodes.append(node_class(nodes[(i - 1) // FANOUT]))
    return nodes[0]


def open_and_close(cache_class):
    tracemalloc.start()
    cache = cache_class()
    views = [cache.get(i % IMAGES) for i in range(2 * IMAGES)]
    same = views[0] is views[IMAGES]
    del views
    still = tracemalloc.get_traced_memory()[0]
    held = len(cache.images)
    tracemalloc.stop()
    return held, still, same


for cache_class in (StrongCache, WeakCache):
    held, still, same = open_and_close(cache_class)
    print(f"{cache_class.__name__}: holds {held} images, {still} bytes still traced, views share: {same}")

subject = Subject()
keeper = Observer()
subject.subscribe(keeper)
subject.subscribe(Observer())
print(f"notify reached {subject.notify('event')} observer(s); the unused one is gone")


def tree_leftover(node_class):
    gc.collect()
    tracemalloc.start()
    if node_class is StrongNode:
        gc.disable()
    root = build_tree(node_class)
    del root
    left = tracemalloc.get_traced_memory()[0]
    found = gc.collect()
    gc.enable()
    tracemalloc.stop()
    return left, found


strong_left, strong_found = tree_leftover(StrongNode)
weak_left, weak_found = tree_leftover(WeakNode)
print(f"StrongNode tree: {strong_left} bytes still traced, gc.collect() found {strong_found}")
print(f"WeakNode tree: {weak_left} bytes still traced, gc.collect() found {weak_found}")

image = Image("x")
ref = weakref.ref(image)
print("before del:", ref())
weakref.finalize(image, print, "image x died")
del image
print("after del:", ref())

print("weak back-references free the tree without the collector:",
      weak_found == 0 and weak_left < strong_left // 100)
