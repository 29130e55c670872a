# wrong: not every view is closed: the loop variable `view` still holds the last of the 200 views when the cache is measured, so the WeakCache count and bytes still traced include an image a view keeps alive
# fails: the program prints how many images each cache still holds, and the bytes still traced
import gc
import tracemalloc
import weakref
from dataclasses import dataclass

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
            image = Image(key)          # keep a strong local until returned
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
class View:
    def __init__(self, cache, key):
        self.image = cache.get(key)
@dataclass
class CacheResult:
    held: int
    traced: int
    shared: bool

def exercise_cache(cache_class):
    tracemalloc.start()
    cache = cache_class()
    views = []
    for n in range(2 * IMAGES):
        view = View(cache, n % IMAGES)
        views.append(view)
    shared = views[0].image is views[IMAGES].image
    views.clear()                       # close all 200 views
    result = CacheResult(len(cache.images), tracemalloc.get_traced_memory()[0], shared)
    tracemalloc.stop()
    return result
@dataclass
class TreeResult:
    built: int
    left: int
    found: int

def exercise_tree(node_class):
    gc.collect()
    gc.disable()
    tracemalloc.start()
    root = build_tree(node_class)
    built = tracemalloc.get_traced_memory()[0]
    del root
    left = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    found = gc.collect()
    gc.enable()
    return TreeResult(built, left, found)

def image_died(key):
    print(f"finalize: image {key!r} has been freed")

def main():
    for cache_class in (StrongCache, WeakCache):
        r = exercise_cache(cache_class)
        print(f"{cache_class.__name__}: views shared one image: {r.shared}; "
              f"after closing 200 views it holds {r.held} images, {r.traced:,} bytes still traced")
    subject = Subject()
    kept, dropped = Observer(), Observer()
    subject.subscribe(kept)
    subject.subscribe(dropped)
    print(f"observers notified: {subject.notify('open')}")
    del dropped
    print(f"observers notified after del: {subject.notify('close')}")
    trees = {}
    for node_class in (StrongNode, WeakNode):
        trees[node_class] = t = exercise_tree(node_class)
        print(f"{node_class.__name__} tree: {t.built:,} bytes built, after del root {t.left:,} bytes still traced, "
              f"gc.collect() found {t.found}")
    image = Image("sunset")
    ref = weakref.ref(image)
    weakref.finalize(image, image_died, image.key)
    print(f"ref() before del: {ref()}")
    del image
    print(f"ref() after del: {ref()}")
    weak = trees[WeakNode]
    freed = weak.left * 20 < weak.built
    print(f"weak back-references free the tree without the collector: {freed}")


main()
