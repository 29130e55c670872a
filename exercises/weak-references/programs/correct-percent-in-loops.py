# correct: straight-line script, WeakNode stores a ref for every node (a dead ref for the root), %-formatting
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
        try:
            return self.images[key]
        except KeyError:
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


def _no_parent():
    return None


class WeakNode:
    __slots__ = ("_parent", "children", "__weakref__")

    def __init__(self, parent):
        self._parent = _no_parent if parent is None else weakref.ref(parent)
        self.children = []
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self):
        return self._parent()


def build_tree(node_class):
    nodes = [node_class(None)]
    for i in range(1, TREE_NODES):
        nodes.append(node_class(nodes[(i - 1) // FANOUT]))
    return nodes[0]


for name, cache in (("strong", StrongCache()), ("weak", WeakCache())):
    tracemalloc.start()
    first = cache.get(7)
    second = cache.get(7)
    print("%s cache: two views of key 7 share one image: %s" % (name, first is second))
    del first, second
    open_views = []
    for v in range(200):
        open_views.append(cache.get(v % IMAGES))
    open_views.clear()
    print("%s cache: after closing 200 views, images held: %d, bytes still traced: %d"
          % (name, len(cache.images), tracemalloc.get_traced_memory()[0]))
    tracemalloc.stop()

subject = Subject()
watcher = Observer()
temporary = Observer()
subject.subscribe(watcher)
subject.subscribe(temporary)
print("notified while both exist: %d" % subject.notify("a"))
del temporary
print("notified after the unused observer is deleted: %d" % subject.notify("b"))

traced = {}
collected = {}
for kind in (StrongNode, WeakNode):
    gc.disable()
    tracemalloc.start()
    root = build_tree(kind)
    assert root.children[0].parent is root
    del root
    traced[kind] = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    collected[kind] = gc.collect()
    gc.enable()
    print("%s tree of %d nodes: %d bytes still traced after del root; gc.collect() found %d"
          % (kind.__name__, TREE_NODES, traced[kind], collected[kind]))

photo = Image("dog")
r = weakref.ref(photo)
print("ref() before del: %r" % (r(),))
weakref.finalize(photo, lambda key: print("image %s has died" % key), photo.key)
del photo
print("ref() after del: %r" % (r(),))

ok = collected[WeakNode] == 0 and traced[WeakNode] * 10 < traced[StrongNode]
print("weak back-references free the tree without the collector: %s" % ok)
