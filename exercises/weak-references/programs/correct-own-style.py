# correct: written from the task alone in another style: views kept open in a list, then all closed; WeakCache.get keeps a local before storing; the tree measured by comparing current bytes before and after; the finalizer is a module-level function given the key; other wording throughout
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
    __slots__ = ("_parent", "children", "__weakref__")

    def __init__(self, parent):
        self._parent = None if parent is None else weakref.ref(parent)
        self.children = []
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        if self._parent is None:
            return None
        return self._parent()


def build_tree(node_class):
    nodes = [node_class(None)]
    for i in range(1, TREE_NODES):
        nodes.append(node_class(nodes[(i - 1) // FANOUT]))
    return nodes[0]


# 1. the caches
for cache in (StrongCache(), WeakCache()):
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    opened = [cache.get(k % IMAGES) for k in range(200)]
    print(f"{type(cache).__name__} while 200 views are open: {len(cache.images)} images")
    opened.clear()
    end = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"{type(cache).__name__} after closing them: {len(cache.images)} images, {end - start} B traced")

w = WeakCache()
v1, v2 = w.get(7), w.get(7)
print(f"views of one key share an image -> {v1 is v2}")
v1 = v2 = None
print(f"image dropped when unused -> {len(w.images) == 0}")

# 2. observers
subject = Subject()
listening = Observer()
subject.subscribe(listening)
subject.subscribe(Observer())   # nobody else keeps this one
print("observers still subscribed:", len(subject.observers))

# 3. trees, with the collector off
leftover = {}
for kind in (StrongNode, WeakNode):
    gc.collect()
    gc.disable()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    root = build_tree(kind)
    del root
    leftover[kind] = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    unreachable = gc.collect()
    gc.enable()
    print(f"{kind.__name__}: {leftover[kind]:,} bytes left after deleting the root; the collector then found {unreachable} objects")


# 4. a weak reference and a finalizer
def report_death(key):
    print(f"image {key!r} has been freed")


picture = Image("cat.png")
handle = weakref.ref(picture)
print("handle() while alive is the image:", handle() is picture)
weakref.finalize(picture, report_death, picture.key)
del picture
print("handle() after del:", handle())

print("Weak back-references free the tree without the collector =", leftover[WeakNode] < 0.05 * leftover[StrongNode])
