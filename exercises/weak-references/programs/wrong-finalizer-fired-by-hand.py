# wrong: step 4's finalize is registered on an image the StrongCache still holds and the report is produced by calling the finalizer by hand; the image never dies, the callback does not report a death
# fails: the program registers a `weakref.finalize` callback, and the image dies
import gc
import tracemalloc
import weakref

IMAGE_BYTES = 10_000
IMAGES = 100
VIEWS = 200
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
        self.images: weakref.WeakValueDictionary = weakref.WeakValueDictionary()

    def get(self, key):
        image = self.images.get(key)
        if image is None:
            image = Image(key)  # the local keeps it alive until a view holds it
            self.images[key] = image
        return image

class Subject:
    def __init__(self):
        self.observers: weakref.WeakSet = weakref.WeakSet()

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

def traced_now():
    return tracemalloc.get_traced_memory()[0]

def on_death(key):
    print(f"finalizer: image {key!r} has died")

def main():
    caches = {}
    for cache_class in (StrongCache, WeakCache):
        tracemalloc.start()
        cache = caches[cache_class] = cache_class()
        for v in range(VIEWS):
            view = cache.get(v % IMAGES)
            assert view is cache.get(v % IMAGES)
            del view
        print(f"{cache_class.__name__}: {len(cache.images)} images still held, "
              f"{traced_now():,} bytes still traced")
        tracemalloc.stop()

    subject = Subject()
    kept, dropped = Observer(), Observer()
    subject.subscribe(kept)
    subject.subscribe(dropped)
    del dropped
    print(f"observers notified after deleting one: {subject.notify('redraw')}")

    weak_built = weak_left = 0
    for node_class in (StrongNode, WeakNode):
        gc.disable()
        tracemalloc.start()
        root = build_tree(node_class)
        built = traced_now()
        del root
        left = traced_now()
        found = gc.collect()
        tracemalloc.stop()
        gc.enable()
        print(f"{node_class.__name__} tree: {built:,} bytes built, {left:,} bytes still traced "
              f"after del root, gc.collect() found {found}")
        weak_built, weak_left = built, left

    obj = Image("demo")
    ref = weakref.ref(obj)
    print(f"weakref.ref(obj)() before del: {ref()!r}")
    watched = caches[StrongCache].get(7)
    finalizer = weakref.finalize(watched, on_death, watched.key)
    del obj, watched
    finalizer()  # make sure the report comes out before the summary
    print(f"weakref.ref(obj)() after del: {ref()!r}")

    print(f"weak back-references free the tree without the collector: {weak_left < weak_built // 10}")

if __name__ == "__main__":
    main()
