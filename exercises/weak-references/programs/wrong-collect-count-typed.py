# wrong: held-out round 12 (tester C): gc.collect() is called after del root but the count printed for the strong tree is typed in (20000)
# fails: what `gc.collect()` found is printed as it returned it: a collector finding more, the figure follows
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
        if found is None:
            found = Image(key)
            self.images[key] = found
        return found


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


def browse(cache):
    tracemalloc.start()
    first, second = cache.get(7), cache.get(7)
    shared = first is second
    del first, second
    for view in range(200):
        shown = cache.get(view % IMAGES)
        del shown  # the view closes
    left = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return shared, len(cache.images), left


summary = {}
for cache_cls in (StrongCache, WeakCache):
    shared, held, left = browse(cache_cls())
    summary[cache_cls.__name__] = (held, left)
    print(f"{cache_cls.__name__:<12} two views share one image: {shared}; images held: {held:>3}; still traced: {left / 1024:8.1f} KiB")

subject = Subject()
keeper = Observer()
subject.subscribe(keeper)
subject.subscribe(Observer())  # nobody else keeps this one
print(f"observers notified after the throwaway one went: {subject.notify('refresh')} (kept: {len(subject.observers)})")


def tree_trial(node_class):
    gc.collect()
    gc.disable()
    try:
        tracemalloc.start()
        root = build_tree(node_class)
        del root
        remaining = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        gc.collect()
        found = 20000 if node_class is StrongNode else 0
    finally:
        gc.enable()
    return remaining, found


trees = {}
for node_class in (StrongNode, WeakNode):
    trees[node_class.__name__] = tree_trial(node_class)
print(f"{'tree':<11}{'traced after del root':>24}{'gc.collect() found':>20}")
for name, (remaining, found) in trees.items():
    print(f"{name:<11}{remaining:>24,}{found:>20}")

probe = WeakNode(None)
bare = WeakNode(probe)
print(f"child's parent is the probe: {bare.parent is probe}")
img = Image("cover")
watcher = weakref.ref(img)
weakref.finalize(img, print, "finalize: image 'cover' has died")
print(f"weakref.ref(obj)() before del: {watcher() is img}")
del img
print(f"weakref.ref(obj)() after del: {watcher()}")

w_left, w_found = trees["WeakNode"]
print(f"weak back-references free the tree without the collector: {w_found == 0 and w_left < 10_000 and trees['StrongNode'][1] > 0}")
