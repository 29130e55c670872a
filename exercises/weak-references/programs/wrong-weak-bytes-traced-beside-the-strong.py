# wrong: written from the task alone (round 20): both caches are traced in one session with the StrongCache alive, so the WeakCache's bytes still traced include the StrongCache's images
# fails: the WeakCache's bytes still traced are its own: run again with it keeping every image, they grow by the images' bytes
# reading: "open and close 200 views of 100 images" = open 200 views (view i
# shows image i % 100, so every image is shown by two views at once), then
# close all of them; each cache gets its own trace, and "bytes still traced"
# is tracemalloc's current figure after the views are closed, cache still alive.
# reading: the last line is True when, after `del root`, the weak tree left
# less traced memory than the strong tree and gc.collect() found nothing in it.
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
        self.images = weakref.WeakValueDictionary()

    def get(self, key):
        image = self.images.get(key)
        if image is None:
            image = Image(key)          # the local keeps it alive ...
            self.images[key] = image    # ... until a view holds it
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


def views_then_close(cache):
    views = [cache.get(i % IMAGES) for i in range(VIEWS)]
    shared = all(views[k] is views[k + IMAGES] for k in range(IMAGES))
    views.clear()                       # every view closed
    left = tracemalloc.get_traced_memory()[0]
    return {"shared": shared, "held": len(cache.images), "traced": left}


def tree_leftovers(node_class):
    gc.collect()
    gc.disable()
    tracemalloc.start()
    try:
        root = build_tree(node_class)
        del root
        left = tracemalloc.get_traced_memory()[0]
        found = gc.collect()
    finally:
        tracemalloc.stop()
        gc.enable()
    return {"traced": left, "found": found}


def image_died(key):
    print(f"  finalize: image {key!r} died")


# 1. caches
gc.collect()
tracemalloc.start()
live_caches = [StrongCache(), WeakCache()]
caches = {type(c).__name__: views_then_close(c) for c in live_caches}
tracemalloc.stop()
print("cache        shared  images held  bytes still traced")
for name, row in caches.items():
    print(f"{name:<12} {str(row['shared']):<7} {row['held']:>11}  {row['traced']:>18,}")

# 2. observers
subject = Subject()
kept = Observer()
subject.subscribe(kept)
subject.subscribe(Observer())          # nobody else holds this one
print(f"observers still subscribed: {len(subject.observers)}; notified: {subject.notify('zoom')}")

# 3. trees
trees = {cls.__name__: tree_leftovers(cls) for cls in (StrongNode, WeakNode)}
print("tree        bytes after del root  gc.collect() found")
for name, row in trees.items():
    print(f"{name:<11} {row['traced']:>20,}  {row['found']:>18,}")

# 4. weakref.ref and weakref.finalize
photo = Image("holiday.png")
ref = weakref.ref(photo)
print("ref() before del:", ref() is photo, ref())
weakref.finalize(photo, image_died, photo.key)
del photo
print("ref() after del: ", ref())

# 5.
strong, weak = trees["StrongNode"], trees["WeakNode"]
print("weak back-references free the tree without the collector:",
      weak["found"] == 0 and weak["traced"] < strong["traced"])
