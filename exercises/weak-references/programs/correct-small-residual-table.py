# correct: written from the task alone (round 17): results in a table without units beside the figures, the trees measured in one loop
# reading: a "view" is a small object that holds the image it shows; the 200
# views of 100 images are open at the same time (views k and k+100 show the
# same key) and are then all closed. "Bytes still traced" is
# tracemalloc's current figure once the views (or the tree root) are gone.
# The last line is True when, with the collector off, deleting the weak tree's
# root leaves under 1% of the tree traced and gc.collect() then finds nothing.
import gc
import tracemalloc
import weakref

IMAGE_BYTES = 10_000
IMAGES = 100
TREE_NODES = 10_000
FANOUT = 4
VIEWS = 200


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
            image = Image(key)  # local reference keeps it alive until a view holds it
            self.images[key] = image
        return image


class Subject:
    def __init__(self):
        self.observers = weakref.WeakSet()

    def subscribe(self, observer):
        self.observers.add(observer)

    def notify(self, event):
        return sum(observer.update(event) for observer in list(self.observers))


class ListSubject(Subject):
    """The original: a plain list of observers."""

    def __init__(self):
        self.observers = []

    def subscribe(self, observer):
        self.observers.append(observer)


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
    def __init__(self, image):
        self.image = image


def report(title, rows):
    print(title)
    for label, value in rows:
        print("   %-34s %s" % (label, value))


# 1. caches
for cache_class in (StrongCache, WeakCache):
    gc.collect()
    tracemalloc.start()
    cache = cache_class()
    views = [View(cache.get(k % IMAGES)) for k in range(VIEWS)]
    shared = all(views[k].image is views[k + IMAGES].image for k in range(IMAGES))
    open_bytes = tracemalloc.get_traced_memory()[0]
    views.clear()
    left = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    report(cache_class.__name__, [
        ("two views share one image", shared),
        ("bytes traced with views open", format(open_bytes, ",")),
        ("images still held after closing", len(cache.images)),
        ("bytes still traced after closing", "{:,} ({:.1f} KiB)".format(left, left / 1024)),
    ])
    del cache

# 2. observers
for subject_class in (ListSubject, Subject):
    subject = subject_class()
    listener = Observer()
    subject.subscribe(listener)
    subject.subscribe(Observer())  # nobody else keeps this one
    print(f"{subject_class.__name__:<12} notified {subject.notify('redraw')} observer(s)")

# 3. trees, with the collector off
tree = {}
for node_class in (StrongNode, WeakNode):
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        tracemalloc.start()
        root = build_tree(node_class)
        assert root.children[0].parent is root
        built = tracemalloc.get_traced_memory()[0]
        del root
        left = tracemalloc.get_traced_memory()[0]
        found = gc.collect()
        tracemalloc.stop()
    finally:
        if was_on:
            gc.enable()
    tree[node_class.__name__] = (built, left, found)
    report(f"{node_class.__name__} tree of {TREE_NODES:,} nodes", [
        ("bytes traced while alive", format(built, ",")),
        ("bytes still traced after del root", format(left, ",")),
        ("gc.collect() then found", found),
    ])

# 4. weakref.ref and finalize
def announce(key):
    print(f"finalize: image {key!r} has died")


picture = Image("holiday.png")
ref = weakref.ref(picture)
weakref.finalize(picture, announce, picture.key)
print("ref() before del:", ref())
del picture
print("ref() after del: ", ref())

built, left, found = tree["WeakNode"]
print("weak back-references free the tree without the collector:", found == 0 and left < built / 100)
