# wrong: step 1 opens and closes only 100 views (one per image, range(IMAGES)) with each cache instead of 200, while the printout still says 200.
# fails: the program prints how many images each cache still holds, and the bytes still traced
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
            image = Image(key)
            self.images[key] = image
        return image


class ListSubject:
    """The original Subject, kept to show the difference."""

    def __init__(self):
        self.observers = []

    def subscribe(self, observer):
        self.observers.append(observer)

    def notify(self, event):
        return sum(observer.update(event) for observer in list(self.observers))


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


# 1. caches
def exercise_cache(cache_class):
    tracemalloc.start()
    cache = cache_class()
    first, second = cache.get(7), cache.get(7)
    shared = first is second
    del first, second
    for view in range(IMAGES):
        image = cache.get(view % IMAGES)
        image.pixels[0] = 1  # the view shows it...
        del image            # ...and is closed
    held = len(cache.images)
    traced = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return shared, held, traced


for cache_class in (StrongCache, WeakCache):
    shared, held, traced = exercise_cache(cache_class)
    print(f"{cache_class.__name__}: two views of one key share an image: {shared}; "
          f"after 200 views of {IMAGES} images are closed it still holds {held} images "
          f"and {traced} bytes are still traced.")

# 2. observers
for subject_class in (ListSubject, Subject):
    subject = subject_class()
    kept = Observer()
    subject.subscribe(kept)
    subject.subscribe(Observer())  # nobody else holds this one
    print(f"{subject_class.__name__} notified {subject.notify('refresh')} observer(s) "
          f"when only one is still in use.")

# 3. trees
def exercise_tree(node_class):
    gc.collect()
    gc.disable()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    root = build_tree(node_class)
    built = tracemalloc.get_traced_memory()[0] - base
    del root
    left = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    gc.enable()
    found = gc.collect()
    return built, left, found


tree_results = {}
for node_class in (StrongNode, WeakNode):
    built, left, found = exercise_tree(node_class)
    tree_results[node_class.__name__] = (left, found)
    print(f"A {TREE_NODES}-node {node_class.__name__} tree took {built} bytes; after del root "
          f"{left} bytes were still traced and gc.collect() then found {found} objects.")

# 4. ref and finalize
obj = Image("sunset")
ref = weakref.ref(obj)
weakref.finalize(obj, print, "finalize: the image 'sunset' has died")
print(f"Before del, ref() returns {ref()!r} with key {ref().key!r}.")
del obj
print(f"After del, ref() returns {ref()!r}.")

strong_left, strong_found = tree_results["StrongNode"]
weak_left, weak_found = tree_results["WeakNode"]
freed = weak_found == 0 and weak_left < strong_left // 10
print(f"weak back-references free the tree without the collector: {freed}")
