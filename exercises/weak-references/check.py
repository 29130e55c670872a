"""Checks for weak-references: WeakCache shares an image only while it is
used, Subject keeps no observer alive, WeakNode's parent link is weak so a
tree is freed without the cyclic collector, and the program's conclusion."""
import gc
import tracemalloc
import weakref

from heapwise_check import check, fail


@check("WeakCache shares an image while it is used, and lets it go after")
def _(p):
    cache = p.get("WeakCache", type)()
    first = cache.get(7)
    if first is None or cache.get(7) is not first:
        fail("Two `get(7)` calls while the first image is still in use should return the very same image: "
             "keep it in the cache and hand it back.")
    if cache.get(8) is first:
        fail("`get(8)` returned the image of key 7: each key needs its own image.")
    gone = weakref.ref(cache.get(9))
    if gone() is not None:
        fail("After `cache.get(9)` nobody uses the image, yet it is still alive: the cache keeps it. Store the "
             "images in a `weakref.WeakValueDictionary`, which refers to them weakly.")
    del first
    again = cache.get(7)
    if not isinstance(again, p.get("Image", type)):
        fail(f"Once the image of key 7 was released, `get(7)` returned {again!r} instead of loading it again.")
    del again

    def views_opened_and_closed():
        fresh = p.get("WeakCache", type)()
        views = [fresh.get(k % 20) for k in range(40)]
        del views
        return fresh

    held = p.measure("WeakCache after 40 views of 20 images closed", views_opened_and_closed)[0]
    if len(held.images) > 0:
        fail(f"After 40 views of 20 images were opened and closed, `WeakCache.images` still has {len(held.images)} "
             "entries: nothing uses them any more, so a `WeakValueDictionary` would have dropped them.")


@check("Subject keeps no observer alive and stops notifying a deleted one")
def _(p):
    subject, observer_class = p.get("Subject", type)(), p.get("Observer", type)
    kept, dropped = observer_class(), observer_class()
    subject.subscribe(kept)
    subject.subscribe(dropped)
    if subject.notify("first") != 2:
        fail("With two observers subscribed, `notify` should call both (it returned "
             f"{subject.notify('again')!r}).")
    gone = weakref.ref(dropped)
    del dropped
    if gone() is not None:
        fail("An observer deleted everywhere else is still alive: `Subject` keeps it. Keep the observers in a "
             "`weakref.WeakSet`.")
    if subject.notify("second") != 1:
        fail("After one of two observers was deleted, `notify` should reach only the other one.")


def traced_after_del(node_class, build, nodes):
    """(bytes held with the tree, bytes held right after del root), collector off."""
    gc.collect()
    gc.disable()
    tracemalloc.start()
    try:
        root = build(node_class, nodes)
        built = tracemalloc.get_traced_memory()[0]
        del root
        return built, tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
        gc.enable()
        gc.collect()


def build(node_class, nodes):
    all_nodes = [node_class(None)]
    for i in range(1, nodes):
        all_nodes.append(node_class(all_nodes[(i - 1) // 4]))
    return all_nodes[0]


@check("WeakNode links to its parent weakly: deleting the root frees the tree without gc.collect()")
def _(p):
    node = p.get("WeakNode", type)
    root = node(None)
    child = node(root)
    if child.parent is not root:
        fail("`child.parent` should be the parent node it was built with (call the stored `weakref.ref`).")
    if root.parent is not None:
        fail("The root's `parent` should be None.")
    try:
        root_ref = weakref.ref(root)
    except TypeError:
        fail("`WeakNode` instances cannot be weakly referenced: add `'__weakref__'` to its `__slots__`.")
    gc.disable()
    try:
        del root
        alive = root_ref() is not None
    finally:
        gc.enable()
    if alive:
        fail("With the collector disabled, the root survived `del root`: its child still holds it strongly. "
             "Store `weakref.ref(parent)` and call it in the `parent` property.")
    if child.parent is not None:
        fail("Once the parent is gone, `child.parent` should return None.")
    built, after = traced_after_del(node, build, 2_000)
    if after * 10 > built:
        fail(f"Measured here, a tree of 2,000 `WeakNode`s held {built:,} bytes and still {after:,} right after "
             "`del root` with the collector disabled: something still keeps the nodes in a cycle.")
    return f"2,000 nodes: {built:,} bytes built, {after:,} right after del root."


@check("the last line says weak back-references free the tree without the collector: True")
def _(p):
    said = p.expect_last_line(r"weak back-references free the tree without the collector: (True|False)",
                              "weak back-references free the tree without the collector: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but with weak parent links `del root` frees the tree at once "
             "and `gc.collect()` finds nothing. Measure right after `del root`, with the collector disabled.")
