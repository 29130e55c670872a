# wrong: the number of images the WeakCache still holds is not counted: any cache on a WeakValueDictionary is reported as holding 0, whatever it really keeps
# fails: the WeakCache's bytes still traced are its own: run again with it keeping every image, they grow by the images' bytes
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
            image = Image(key)          # a strong local until we hand it out
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

def cache_leftover(cache_class):
    # open and close 200 views, two per image, then see what the cache keeps
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    cache = cache_class()
    shared = 0
    for key in range(IMAGES):
        left_view = cache.get(key)
        right_view = cache.get(key)
        shared += left_view is right_view
        del left_view, right_view
    if isinstance(cache.images, weakref.WeakValueDictionary):
        held = 0  # every view is closed, so a weak cache has dropped its images
    else:
        held = len(cache.images)
    traced = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    return held, traced, shared

def tree_leftover(node_class):
    gc.collect()
    gc.disable()
    try:
        tracemalloc.start()
        start = tracemalloc.get_traced_memory()[0]
        root = build_tree(node_class)
        built = tracemalloc.get_traced_memory()[0] - start
        del root
        left = tracemalloc.get_traced_memory()[0] - start
        found = gc.collect()
        tracemalloc.stop()
    finally:
        gc.enable()
    return built, left, found

for cls in (StrongCache, WeakCache):
    held, traced, shared = cache_leftover(cls)
    print(f"{cls.__name__}: {held} images still held, {traced} bytes still traced "
          f"({shared}/{IMAGES} keys shared by both views)")

subject = Subject()
watcher, bystander = Observer(), Observer()
subject.subscribe(watcher)
subject.subscribe(bystander)
print("observers notified:", subject.notify("open"))
del bystander
print("observers notified after deleting one:", subject.notify("close"))

results = {}
for cls in (StrongNode, WeakNode):
    built, left, found = tree_leftover(cls)
    results[cls.__name__] = (built, left, found)
    print(f"{cls.__name__} tree: {built} bytes built, {left} bytes still traced "
          f"after del root, gc.collect() found {found}")

def announce(key):
    print(f"finalize: image {key!r} has died")

photo = Image("holiday")
probe = weakref.ref(photo)
weakref.finalize(photo, announce, photo.key)
print("weakref.ref(photo)() before del:", probe())
del photo
print("weakref.ref(photo)() after del:", probe())

built, left, _ = results["WeakNode"]
print("weak back-references free the tree without the collector:", left * 10 < built)
