"""Heapwise reference program for weak-references (L-fit §2, L-288 §7,
L-ref circular references, L-fit level 1 question 2).

A weak reference points at an object without keeping it alive. The program
shows what one returns once its object is gone, which objects accept one,
a cache that forgets what nobody uses (WeakValueDictionary) next to one that
keeps everything, observers that unsubscribe by disappearing (WeakSet), a
callback when an object dies (weakref.finalize), and a tree whose
back-references to the parent are strong (a cycle for the collector) or weak
(freed at once by reference counting).
"""
import gc
import platform
import struct
import sys
import time
import tracemalloc
import weakref

IMAGE_BYTES = 10_000
IMAGES = 100
TREE_NODES = 10_000
FANOUT = 4
REPEATS = 5  # timed runs; the fastest is the least disturbed by the rest of the machine


class Image:
    def __init__(self, key):
        self.key = key
        self.pixels = bytearray(IMAGE_BYTES)


class StrongCache:
    """Keeps every image it ever loaded: a dict holds strong references."""

    def __init__(self):
        self.images = {}

    def get(self, key):
        image = self.images.get(key)
        if image is None:
            image = self.images[key] = Image(key)
        return image


class WeakCache:
    """Shares an image while someone uses it, and forgets it after."""

    def __init__(self):
        self.images = weakref.WeakValueDictionary()

    def get(self, key):
        image = self.images.get(key)
        if image is None:
            image = Image(key)
            self.images[key] = image
        return image


def open_and_close_views(cache):
    """Every view shows one image; two views of the same key share it. All
    views are closed (dropped) when this returns."""
    views = [cache.get(k % IMAGES) for k in range(2 * IMAGES)]
    shared = views[0] is views[IMAGES]
    return shared


class Subject:
    """Notifies its observers; it does not keep them alive."""

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
    """A tree node whose parent link is an ordinary (strong) reference."""
    __slots__ = ("parent", "children")

    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


class WeakNode:
    """The same node with a weak parent link ('__weakref__' lets a slotted
    class be weakly referenced)."""
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
    """TREE_NODES nodes, FANOUT children each, built breadth first."""
    nodes = [node_class(None)]
    for i in range(1, TREE_NODES):
        nodes.append(node_class(nodes[(i - 1) // FANOUT]))
    return nodes[0]


def depth_sum(root):
    """Walks every node up to the root through its parent link."""
    total, stack = 0, [root]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        up = node.parent
        while up is not None:
            total, up = total + 1, up.parent
    return total


def drop_tree(node_class):
    """Builds a tree with the collector off, drops it, and reports what
    was still held before and after one collection."""
    gc.collect()
    gc.disable()
    tracemalloc.start()
    root = build_tree(node_class)
    depths = depth_sum(root)
    built = tracemalloc.get_traced_memory()[0]
    del root
    after_del = tracemalloc.get_traced_memory()[0]
    found = gc.collect()
    after_collect = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    gc.enable()
    return depths, built, after_del, found, after_collect


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

# What a weak reference returns, before and after its object goes.
image = Image("logo")
ref = weakref.ref(image)
print(f"ref() is the object while it lives: {ref() is image}")
del image  # the last strong reference: freed now, by reference counting
print(f"after del, ref() returns: {ref()}")
print(f"a weak reference returns None once its object is gone: {ref() is None}")
print(f"a weak reference object: {sys.getsizeof(ref)} bytes (getsizeof)")

# What can be weakly referenced.
refused = []
for value in ([], {}, 42, "text", (1, 2)):
    try:
        weakref.ref(value)
    except TypeError:
        refused.append(type(value).__name__)
print(f"refused with TypeError: {', '.join(refused)}")
print(f"a list can be weakly referenced: {'list' not in refused}")


class Slotted:
    __slots__ = ("x",)


class SlottedWeak:
    __slots__ = ("x", "__weakref__")


try:
    weakref.ref(Slotted())
    slotted_ok = True
except TypeError:
    slotted_ok = False
print(f"an instance of a class with __slots__ = ('x',) can be weakly referenced: {slotted_ok}")
print(f"adding '__weakref__' to the slots: {sys.getsizeof(Slotted())} -> "
      f"{sys.getsizeof(SlottedWeak())} bytes per instance (getsizeof)")

# A cache of strong references against a cache of weak ones.
for cache in (StrongCache(), WeakCache()):
    tracemalloc.start()
    shared = open_and_close_views(cache)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"{type(cache).__name__}: two views of one key share an image: {shared}; after every view "
          f"closed: {len(cache.images)} images cached, {held:,} bytes still held")

# Observers that unsubscribe by disappearing.
subject = Subject()
watchers = [Observer() for _ in range(3)]
for watcher in watchers:
    subject.subscribe(watcher)
print(f"observers notified: {subject.notify('first')}")
del watchers[1]
print(f"observers notified after one of them was deleted: {subject.notify('second')}")

# A callback when an object dies.
died = []
image = Image("banner")
finalizer = weakref.finalize(image, died.append, "banner")  # must not refer to image itself
print(f"finalizer alive: {finalizer.alive}")
del image
print(f"after del: callback ran with {died}, finalizer alive: {finalizer.alive}")

# A tree: strong parent links make a cycle per child, weak ones do not.
results = {}
for node_class in (StrongNode, WeakNode):
    depths, built, after_del, found, after_collect = results[node_class] = drop_tree(node_class)
    print(f"{node_class.__name__} tree of {TREE_NODES:,}: depth sum {depths:,}, {built:,} bytes built, "
          f"{after_del:,} held after del root, gc.collect() found {found:,} objects, "
          f"{after_collect:,} held after it")
strong, weak = results[StrongNode], results[WeakNode]
print(f"the weak tree costs {weak[1] - strong[1]:,} bytes more to build: a '__weakref__' slot per node, "
      f"and one weakref.ref per parent (weakref.ref(x) is weakref.ref(x): {weakref.ref(subject) is weakref.ref(subject)})")
# A tree with weak parent links built, walked and dropped (it goes when
# depth_sum returns), timed with tracemalloc off: the page sets this figure
# beside the Rust variant doing the same with Weak parent links. (A loop here,
# not a helper function: compiling one more function leaves CPython a few
# more spare objects to reuse, which would shift the traced figures above.)
assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
fastest = float("inf")
for _ in range(REPEATS):
    start = time.perf_counter()
    depth_sum(build_tree(WeakNode))
    fastest = min(fastest, time.perf_counter() - start)
print(f"timing: variant optimized at nodes={TREE_NODES}, fanout={FANOUT}: {fastest * 1e6:.1f} us per call, "
      f"best of {REPEATS} (tracemalloc off)")
print(f"deleting the root of a tree with strong parent links frees its memory at once: "
      f"{strong[2] < strong[1] // 10}")
print(f"weak back-references free the tree without the collector: "
      f"{weak[2] < weak[1] // 10 and weak[3] == 0 and strong[0] == weak[0]}")
