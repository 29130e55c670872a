"""Checks for weak-references. The program's classes are used with the
check's own keys, observers and trees: WeakCache must keep its images in a
WeakValueDictionary and share one per key only while it is used, Subject
must keep its observers in a WeakSet, WeakNode must store a weakref.ref to
its parent behind a `parent` property, so that a tree is freed by `del root`
alone. The check repeats the program's experiments (200 views of 100
images, trees of 10,000 nodes with the collector off) and compares the
figures the program prints, and its conclusion, with what it measures (the
bytes still traced count only as the program's own tracemalloc returned
them: provenance, traced bytes, not a `sys.getsizeof`); the finalizer is
observed (watched weakref.finalize). The count printed for the WeakCache
is found by running the program again with a WeakCache that keeps every
image (it becomes the StrongCache's count there), and must be what the
check measured once every view is closed (0)."""
import gc
import re
import sys
import tracemalloc
import weakref
from weakref import finalize as real_finalize, ref as real_ref

from heapwise_check import check, fail, heading_unit, number, watch

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the strong cache", r"\bStrongCache\b|\bbytearray\(IMAGE_BYTES\)"),
    ("the weak cache", r"\bWeakValueDictionary\b"),
    ("the strong tree", r"\bStrongNode\b"),
    ("the weak tree", r"\bWeakNode\b"),
)

watch("weakref.finalize")
# The task builds the trees "with the collector disabled": either way of turning
# automatic collection off counts (gc.disable(), or a threshold of 0).
watch("gc.disable")
watch("gc.set_threshold")

MEMO = {}
NODES = 10_000
FANOUT = 4


# A figure as a program may print it: 1022340, 1,022,340, 998.4 KiB, 1.02 MB.
SIZE = re.compile(r"(?<![\w.])(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?\s*(kib|kb|k|mib|mb)?(?!\w)", re.IGNORECASE)
UNITS = {None: (1,), "k": (1000, 1024), "kb": (1000, 1024), "kib": (1024,), "mb": (1e6, 2 ** 20), "mib": (2 ** 20,)}


def printed_figures(p, measured=False):
    """Every printed figure in bytes; with `measured`, only those the program's
    own tracemalloc returned (provenance: traced bytes, not a `sys.getsizeof`)."""
    figures = []
    for line in p.lines:
        for found in SIZE.finditer(line):
            if measured and not p.measured(found, (1, 2), traced=True):
                continue
            value = float(re.sub(r"[,_]", "", found.group(1)) + (found.group(2) or ""))
            figures += [value * factor for factor in UNITS[(found.group(3) or heading_unit(found)).lower() or None]]
    return figures


def printed_near(p, wanted, share, measured=False):
    return any(abs(figure - wanted) <= share * wanted for figure in printed_figures(p, measured))


LEFT_BEHIND = 100  # bytes each WeakNode leaves behind in the re-run below


def weak_near(figure, left):
    """Whether a printed figure can be what a WeakNode tree left (`left`,
    measured here): from half of it to 4 KiB (or half of it) more."""
    return 0.5 * left <= figure <= left + max(0.5 * left, 4_096)


def require_measured_near(p, wanted, what, near):
    """Fails when no figure `near(figure)` the program printed is one its own tracemalloc returned."""
    if not any(near(figure) for figure in printed_figures(p, True)):
        fail(f"Measured here, {what} is about {wanted:,} bytes; your program prints a figure near that, but not "
             "one its own tracemalloc returned: print what `tracemalloc.get_traced_memory()[0]` gives at that "
             "point, not a number typed in nor a `sys.getsizeof` (the size of an object is not the bytes still "
             "traced).")


def views_left(p, cache_class):
    """(images cached, bytes still traced) after 200 views of 100 images opened and closed."""
    def views():
        cache = cache_class()
        for i in range(200):
            view = cache.get(i % 100)
            del view
        return cache

    gc.collect()
    tracemalloc.start()
    try:
        cache = views()
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return len(image_store(cache)), held


def image_store(cache):
    """The mapping a cache keeps its images in: a WeakValueDictionary if it has one."""
    stores = [value for value in vars(cache).values() if isinstance(value, (dict, weakref.WeakValueDictionary))]
    weak = [value for value in stores if isinstance(value, weakref.WeakValueDictionary)]
    return (weak or stores or [{}])[0]


def build(node_class, nodes):
    all_nodes = [node_class(None)]
    for i in range(1, nodes):
        all_nodes.append(node_class(all_nodes[(i - 1) // FANOUT]))
    return all_nodes[0]


def tree(p, name):
    """(bytes built, bytes right after del root, what gc.collect() then finds)
    for a tree of 10,000 nodes of the program's class `name`, collector off; measured here once."""
    if name not in MEMO:
        node_class = p.get(name, type)
        gc.collect()
        gc.disable()
        tracemalloc.start()
        try:
            root = build(node_class, NODES)
            built = tracemalloc.get_traced_memory()[0]
            del root
            after = tracemalloc.get_traced_memory()[0]
            tracemalloc.stop()
            found = gc.collect()
        finally:
            if tracemalloc.is_tracing():
                tracemalloc.stop()
            gc.enable()
        MEMO[name] = (built, after, found)
    return MEMO[name]


@check("`WeakCache` keeps its images in a `weakref.WeakValueDictionary`, one per key while in use", step=1)
def _(p):
    cache = p.get("WeakCache", type)()
    if not any(isinstance(value, weakref.WeakValueDictionary) for value in vars(cache).values()):
        fail("A `WeakCache` should keep its images in a `weakref.WeakValueDictionary` "
             "(`self.images = weakref.WeakValueDictionary()`); yours has none.")
    first = cache.get(7)
    if first is None or cache.get(7) is not first:
        fail("Two `get(7)` calls while the first image is still in use should return the very same image: "
             "keep it in the cache and hand it back.")
    if cache.get(8) is first:
        fail("`get(8)` returned the image of key 7: each key needs its own image.")
    gone = weakref.ref(cache.get(9))
    if gone() is not None:
        fail("After `cache.get(9)` nobody uses the image, yet it is still alive: the cache keeps it.")
    del first
    again = cache.get(7)
    if not isinstance(again, p.get("Image", type)):
        fail(f"Once the image of key 7 was released, `get(7)` returned {again!r} instead of loading it again.")
    del again
    held, _ = views_left(p, p.get("WeakCache", type))
    if held:
        fail(f"After 200 views of 100 images were opened and closed, the WeakCache still holds {held} images: "
             "nothing uses them any more, so a `WeakValueDictionary` would have dropped them.")


@check("`Subject` keeps its observers in a `weakref.WeakSet` and stops notifying a deleted one", step=2)
def _(p):
    subject, observer_class = p.get("Subject", type)(), p.get("Observer", type)
    if not any(isinstance(value, weakref.WeakSet) for value in vars(subject).values()):
        fail("A `Subject` should keep its observers in a `weakref.WeakSet` (`self.observers = weakref.WeakSet()`, "
             "and `add` instead of `append`); yours has none.")
    kept, dropped = observer_class(), observer_class()
    subject.subscribe(kept)
    subject.subscribe(dropped)
    if subject.notify("first") != 2:
        fail("With two observers subscribed, `notify` should call both.")
    gone = weakref.ref(dropped)
    del dropped
    if gone() is not None:
        fail("An observer deleted everywhere else is still alive: `Subject` keeps it.")
    if subject.notify("second") != 1:
        fail("After one of two observers was deleted, `notify` should reach only the other one.")


@check("`WeakNode` stores `weakref.ref(parent)` and its `parent` property calls it", step=3)
def _(p):
    node = p.get("WeakNode", type)
    if not any(isinstance(vars(klass).get("parent"), property) for klass in node.__mro__):
        fail("`WeakNode.parent` should be a property (`@property def parent(self): ...`) that calls the stored "
             "weak reference.")
    try:
        root = node(None)
        child = node(root)
    except TypeError as error:
        fail(f"Building `WeakNode(root)` raised TypeError ({error}): a class with `__slots__` needs "
             "`'__weakref__'` in them before its instances can be weakly referenced.")
    slots = [name for klass in node.__mro__ for name in
             ([vars(klass)["__slots__"]] if isinstance(vars(klass).get("__slots__"), str)
              else vars(klass).get("__slots__", ()))]
    stored = [getattr(child, name, None) for name in slots] + list(getattr(child, "__dict__", {}).values())
    if not any(isinstance(value, weakref.ref) and value() is root for value in stored):
        fail("A `WeakNode` should store `weakref.ref(parent)`, not the parent itself: its parent link must "
             "be weak.")
    if child.parent is not root or root.parent is not None:
        fail("`child.parent` should be the parent node it was built with (call the stored `weakref.ref`), and "
             "the root's `parent` should be None.")
    root_ref = weakref.ref(root)
    gc.disable()
    try:
        del root
        alive = root_ref() is not None
    finally:
        gc.enable()
    if alive:
        fail("With the collector disabled, the root survived `del root`: something still holds it strongly.")
    if child.parent is not None:
        fail("Once the parent is gone, `child.parent` should return None.")


@check("deleting the root of 10,000 `WeakNode`s frees them without `gc.collect()` (measured by the check)", step=3)
def _(p):
    built, after, found = tree(p, "WeakNode")
    if after * 10 > built or found:
        fail(f"Measured here, a tree of 10,000 `WeakNode`s held {built:,} bytes and still {after:,} right after "
             f"`del root` with the collector disabled, and `gc.collect()` then found {found:,} objects: "
             "something still keeps the nodes in cycles.")
    return f"{built:,} bytes built, {after:,} right after del root."


@check("the program prints how many images each cache still holds, and the bytes still traced", step=1)
def _(p):
    strong_held, strong_bytes = views_left(p, p.get("StrongCache", type))
    weak_held, _ = views_left(p, p.get("WeakCache", type))
    text = p.stdout
    for held, which in ((strong_held, "StrongCache"), (weak_held, "WeakCache")):
        if not re.search(number(held), text):
            fail(f"Print how many images each cache still holds after the 200 views are closed: measured here, "
                 f"the {which} holds {held}, and your program printed no such count.")
    # The count printed for the WeakCache is what it holds once every view
    # is closed: run again with a WeakCache that keeps every image it hands
    # out, the count it printed for the WeakCache becomes the StrongCache's.
    # Before, it must have been what the check measured (0): a view still
    # open when the program counts (the last one, left in the loop variable)
    # keeps its image in the WeakCache.
    counts = weak_counts(p, strong_held)
    if counts is None:
        # That run showed no such count (it raised, or the line changed its
        # wording): the count must then be on a line about the WeakCache, or
        # on the line right after one.
        named = p.naming(WEAK_CACHE)
        at = {i + step for i, line in enumerate(p.lines) if any(line is name for name in named) for step in (0, 1)}
        weak = [line for i, line in enumerate(p.lines) if i in at]
        if weak and weak_held != strong_held and not any(re.search(number(weak_held), line) for line in weak):
            fail(f"Measured here with your classes, the WeakCache holds {weak_held} images once all 200 views are "
                 "closed, and no line your program printed about the WeakCache gives that count: print "
                 "`len()` of its `WeakValueDictionary` once every view is closed.")
    else:
        off = [figure for figure in counts if figure.number != weak_held]
        if off:
            fail(f"Measured here with your classes, the WeakCache holds {weak_held} images once all 200 views are "
                 f"closed, but your program printed \"{off[0].line.strip()}\": {off[0].text} images (run again "
                 f"here with a WeakCache that keeps every image it hands out, that count became {strong_held:,}, so "
                 "it is the WeakCache's). A view still open when you count keeps its image alive: close every "
                 "view first (a loop variable, or any other name, that still holds the last view counts as an "
                 "open view: `del` it, or open the views in a function that returns before you count).")
    if not printed_near(p, strong_bytes, 0.05):
        fail(f"Print the bytes still traced after the views are closed: measured here, with the StrongCache about "
             f"{strong_bytes:,} bytes are still traced, and no figure your program printed is near that. Start "
             "tracing before the views, and read `tracemalloc.get_traced_memory()[0]` after closing them.")
    require_measured_near(p, strong_bytes, "what the StrongCache's images still hold after the views close",
                          lambda figure: abs(figure - strong_bytes) <= 0.05 * strong_bytes)
    # All 200 views: run again here, the program's views ask the WeakCache
    # for an image 200 times or more (one view of each image would not show
    # two views sharing one).
    collector_run(p)
    if MEMO["gets"] is not None and MEMO["gets"] < 200:
        fail(f"Run again here, your program asked its `WeakCache` for an image {MEMO['gets']:,} times: step 1 opens "
             "and closes 200 views of the 100 images with each cache (so two views of one image share it), "
             "each view asking the cache with `get`.")


WEAK_CACHE = r"(?i)weak[\W_]*cache"


def weak_counts(p, strong_held):
    """The counts of images the program printed for the WeakCache, found by
    running it again with a WeakCache that keeps every image it hands out:
    the whole numbers printed again in their place (printed_again) that
    became the StrongCache's count (`strong_held`) there and were not it
    before. None when that run raised or shows no such number."""
    run = p.rerun("weak cache keeps its images", "WeakCache", keeping_every_image)
    if run is None or run.raised is not None:
        return None
    counts = [before for before, after in p.printed_again(run)
              if not before.unit and not after.unit and isinstance(before.number, int)
              and after.number == strong_held and before.number != strong_held]
    return counts or None


def keeping_every_image(cls):
    """The program's WeakCache, its `get` also keeping every image it hands out."""
    real = getattr(cls, "get", None)
    if not callable(real):
        return
    kept = []

    def get(self, *args, **kwargs):
        image = real(self, *args, **kwargs)
        kept.append(image)
        return image
    cls.get = get


@check("the WeakCache's bytes still traced are its own: run again with it keeping every image, they grow by the images' bytes", step=1)
def _(p):
    strong_held, strong_bytes = views_left(p, p.get("StrongCache", type))
    weak_held, weak_bytes = views_left(p, p.get("WeakCache", type))
    run = p.rerun("weak cache keeps its images", "WeakCache", keeping_every_image)
    if run is None:
        return "No top-level class `WeakCache` to change."
    images = strong_bytes - weak_bytes
    before, after = p.sizes_by_place(), p.sizes_by_place(run.lines)
    if not any(abs(a - weak_bytes) <= max(0.5 * weak_bytes, 16_384) and 0.8 * images <= b - a <= 1.25 * images
               for place, figures in before.items() for a in figures for b in after.get(place, ())):
        fail(f"Measured here, the WeakCache still traces about {weak_bytes:,} bytes once the 200 views are closed, "
             f"and run again with a WeakCache that keeps every image it hands out, no figure your program printed "
             f"near that grew by about the images' {images:,} bytes: the bytes still traced for the WeakCache "
             "must be measured on the WeakCache alone, in a trace of its own (with the StrongCache and its images "
             "gone, or never in it).")
    # And the count of images it still holds is counted: in that run the
    # WeakCache still holds every image, so the count printed for it is the
    # StrongCache's, printed once more than before.
    shown = re.compile(number(strong_held))
    if (run.raised is None and weak_held != strong_held
            and len(shown.findall("\n".join(run.lines))) <= len(shown.findall(p.stdout))):
        fail(f"Run again here with a WeakCache that keeps every image it hands out, so that it still holds "
             f"{strong_held:,} images after the views close, your program printed {strong_held:,} no more often "
             "than before: the number of images the WeakCache still holds was not counted. Print `len()` of its "
             "`WeakValueDictionary` after the views are closed.")


@check("the program prints the bytes each tree still holds after `del root`, and what `gc.collect()` then finds", step=3)
def _(p):
    _, strong_after, strong_found = tree(p, "StrongNode")
    _, weak_after, weak_found = tree(p, "WeakNode")
    if p.calls("gc.disable").program_count == 0 and p.calls("gc.set_threshold").program_count == 0:
        fail("Your program never turned the collector off (`gc.disable()`), so its trees were not measured "
             "the way step 3 asks: the figures after `del root` only show what `del` alone frees when no "
             "collection can run. Call `gc.disable()` before building each tree and `gc.enable()` after.")
    if not printed_near(p, strong_after, 0.05):
        fail(f"Measured here, a tree of 10,000 `StrongNode`s still holds about {strong_after:,} bytes right after "
             "`del root` with the collector disabled, and no figure your program printed is near that. Build each "
             "tree with the collector disabled, delete the root and print `tracemalloc.get_traced_memory()[0]`.")
    require_measured_near(p, strong_after, "what a tree of 10,000 `StrongNode`s holds after `del root`",
                          lambda figure: abs(figure - strong_after) <= 0.05 * strong_after)
    # What a WeakNode tree leaves is a few kilobytes, and what else the
    # program holds in that trace adds as much (a table of results, the
    # other tree's figures): near means from half of it to 4 KiB (or half
    # of it) more.
    if not any(weak_near(figure, weak_after) for figure in printed_figures(p)):
        fail(f"Measured here, a tree of 10,000 `WeakNode`s still holds about {weak_after:,} bytes right after "
             "`del root` with the collector disabled, and no figure your program printed is near that. Read "
             "`tracemalloc.get_traced_memory()[0]` right after `del root`, before any `gc.collect()`.")
    require_measured_near(p, weak_after, "what a tree of 10,000 `WeakNode`s holds after `del root`",
                          lambda figure: weak_near(figure, weak_after))
    for found, which in ((strong_found, "StrongNode"), (weak_found, "WeakNode")):
        if not (printed_near(p, found, 0.05) if found else re.search(number(0), p.stdout)):
            fail(f"Print what `gc.collect()` finds after `del root`: measured here, {found:,} objects for the "
                 f"`{which}` tree, and your program printed no such figure.")
    # The WeakNode tree built with automatic collection off too, though with
    # no cycles its figures come out the same either way (the last line's
    # claim is that it is freed *without* the collector): run again, at
    # least the tree's 10,000 WeakNodes must be made while it is off (other
    # WeakNodes, a timing loop's, may be made with it on). Each of those
    # leaves 100 bytes that outlive the tree (kept here until the run ends),
    # so the figure for what the tree leaves grows by about a megabyte.
    built_off = []

    def watched(cls):
        init = cls.__init__

        def __init__(self, *args, **kwargs):
            if not gc.isenabled() or gc.get_threshold()[0] == 0:
                built_off.append(bytearray(LEFT_BEHIND))
            init(self, *args, **kwargs)
        cls.__init__ = __init__

    run = p.rerun("nodes watched", "WeakNode", watched)
    made = len(built_off)
    built_off.clear()
    if run is not None and run.raised is None and made < 9_999:
        fail(f"Run again here, {made:,} `WeakNode`s were made while the collector was off, fewer than "
             "a tree of 10,000: step 3 builds both trees with the collector disabled (`gc.disable()` before "
             "each, `gc.enable()` after), so that what `del root` frees is what the weak references free, not a "
             "collection.")
    if run is not None and run.raised is None:
        near = [(before, after) for before, after in p.printed_again(run)
                if isinstance(before.number, (int, float)) and any(weak_near(v, weak_after) for v in before.values)]
        if near and not any(max(after.values) - max(before.values) >= 0.8 * 10_000 * LEFT_BEHIND
                            for before, after in near):
            fail(f"Run again here with each WeakNode leaving {LEFT_BEHIND} bytes behind that outlive the tree, the "
                 "figure your program printed for what the tree still holds after `del root` did not grow by "
                 f"about {10_000 * LEFT_BEHIND:,}: print `tracemalloc.get_traced_memory()[0]` right after "
                 "`del root`, as it reads then (nothing cleared or taken away).")


@check("what `gc.collect()` found is printed as it returned it: a collector finding more, the figure follows", step=3)
def _(p):
    _, _, found = tree(p, "StrongNode")
    if not found:
        return None  # the check above says what the strong tree should leave to the collector
    run = collector_run(p)
    if run is None:
        return None  # no top-level `WeakCache`: the checks of step 1 say so
    typed = [figure for figure in p.unmoved(run) if not figure.unit and abs(figure.number - found) <= 0.05 * found]
    if typed:
        fail(f"Run again here with a `gc.collect()` that reports {MORE_FOUND:,} objects more whenever it finds "
             f"any, your program printed \"{typed[0].line.strip()}\" unchanged: the {typed[0].text} it prints for "
             "the `StrongNode` tree is not what its own `gc.collect()` returned. Print the number `gc.collect()` "
             "returns after `del root`, not one typed in from an earlier run.")
    return f"run again with a collector reporting {MORE_FOUND:,} more, the count printed follows"


MORE_FOUND = 1_000


def collector_run(p):
    """The program run again with `finding_more`'s collector, its `WeakCache.get` counting its calls
    (MEMO["gets"]: None without a top-level `WeakCache` with a `get`)."""
    if "collector run" not in MEMO:
        MEMO["gets"] = None

        def counting(cls):
            real = getattr(cls, "get", None)
            if not callable(real):
                return
            MEMO["gets"] = 0

            def get(self, *args, **kwargs):
                MEMO["gets"] += 1
                return real(self, *args, **kwargs)
            cls.get = get
        MEMO["collector run"] = p.rerun("gc.collect finds more", "WeakCache", counting,
                                        modules={"gc": {"collect": finding_more}})
    return MEMO["collector run"]


def finding_more(real):
    """gc.collect reporting MORE_FOUND more objects when it found any (a
    loop until it finds none still ends)."""
    def collect(*args, **kwargs):
        found = real(*args, **kwargs)
        return found + MORE_FOUND if found else found
    return collect


@check("the program shows `weakref.ref(obj)()` before and after `del obj`", step=4)
def _(p):
    p.printed(r"\bNone\b", "Step 4: print what `weakref.ref(obj)()` returns after `del obj` (None).")


@check("the program registers a `weakref.finalize` callback, and the image dies", step=4)
def _(p):
    if p.calls("weakref.finalize").program_count == 0:
        fail("Step 4: register a callback with `weakref.finalize(image, callback, ...)` that reports when the "
             "image dies.")
    image_class = p.get("Image", type)
    alive = [f for f in list(real_finalize._registry) if f.alive and isinstance((f.peek() or (None,))[0], image_class)]
    if alive:
        fail("Your finalizer's image never died: the callback (or its arguments) refers to the image itself, "
             "which keeps it alive. Give the callback only what it needs, such as the image's key.")
    # Run again with callbacks that note whether their image was dead when
    # they ran: a finalizer called by hand (`f()`) runs while it lives.
    run = run_with_silent_finalizers(p)
    calls = MEMO["image finalizer calls"]
    if run.raised is None and calls and not any(calls):
        fail("Run again here noting when each `weakref.finalize` callback on an `Image` ran, every one ran while "
             "its image was still alive: the finalizer was called by hand (or at exit), so no image died. Let "
             "the last reference to the image go (`del`, a view closed, a cache that holds it weakly) and let "
             "the callback run by itself.")


@check("the program says whether weak back-references free the tree without the collector, as measured", step=5)
def _(p):
    said = p.conclusion("weak back-references free the tree without the collector")
    built, after, found = tree(p, "WeakNode")
    truth = after * 10 <= built and found == 0
    if said != truth:
        fail(f"Your program concludes {said}, but measured here a tree of 10,000 `WeakNode`s holds {after:,} of its "
             f"{built:,} bytes right after `del root`, and `gc.collect()` then finds {found:,} objects.")


def blanked(lines):
    """The printed lines with every number and address blanked: what stays the same from run to run."""
    return [re.sub(r"0x[0-9a-fA-F]+|\d[\d,_.]*", "#", line) for line in lines]


def run_with_silent_finalizers(p):
    """The program run again with `weakref.finalize` (as its `import weakref`
    sees it) registering a callback that does nothing: a callback that
    reports a death then reports nothing."""
    # Each callback's call is noted, for an `Image`, with whether the image
    # was already dead then (a finalizer called by hand runs while it lives).
    calls = MEMO.setdefault("image finalizer calls", [])

    def silent(real):
        class finalize(real):
            def __init__(self, obj, func, /, *args, **kwargs):
                image = type(obj).__name__ == "Image"
                ref = real_ref(obj) if image else None

                def nothing(*args, **kwargs):
                    if image:
                        calls.append(ref() is None)
                super().__init__(obj, nothing)
        return finalize

    return p.rerun("silent finalizers", modules={"weakref": {"finalize": silent}})


@check("the finalizer's callback reports the image's death (run again with a callback that does nothing, the report goes)", step=4)
def _(p):
    run = run_with_silent_finalizers(p)
    if blanked(run.lines) == blanked(p.lines):
        fail("Run again here with every `weakref.finalize` callback replaced by one that does nothing, your "
             "program printed the same lines: nothing it printed came from the callback. Give "
             "`weakref.finalize(image, callback, ...)` a callback that reports the death (prints it, or records it "
             "for a line printed after `del image`).")


class Gone:
    """What a weak reference returns for a dead object in the re-run below."""

    def __repr__(self):
        return "<the object is gone>"


def run_with_marked_refs(p):
    """The program run again with `weakref.ref` (as its `import weakref`
    sees it) making references of the program's own objects that return a
    marker, not None, once the object is gone: what the program shows of
    `ref()` after `del obj` then changes; a `ref` that is not a weak
    reference (a strong one kept in a closure) shows the same."""
    gone = Gone()

    def marked(real):
        class ref(real):
            __slots__ = ()

            def __call__(self):
                got = super().__call__()
                return gone if got is None else got

        same = weakref.WeakKeyDictionary()

        def make(obj, *args):
            if type(obj).__module__ != "__main__":
                return real(obj, *args)
            if args or type(obj).__name__ in ("StrongNode", "WeakNode"):
                return ref(obj, *args)  # a tree's parent links: not kept here, the trees' figures stay theirs
            try:  # one reference per object, as CPython shares its plain ones
                if obj not in same:
                    same[obj] = ref(obj)
                return same[obj]
            except TypeError:
                return ref(obj)
        return make

    return p.rerun("marked refs", modules={"weakref": {"ref": marked}})


@check("what `weakref.ref(obj)()` gives after `del obj` is shown as the reference gives it (run again with references that give a marker)", step=4)
def _(p):
    run = run_with_marked_refs(p)
    if blanked(run.lines) == blanked(p.lines):
        fail("Run again here with weak references that return a marker instead of None once their object is "
             "gone, your program printed the same lines: what it shows after `del obj` is not what a "
             "`weakref.ref(obj)` returned. Make `ref = weakref.ref(obj)`, print `ref()`, `del obj` and print "
             "`ref()` again.")


def strong_parent_too(node_class):
    """The program's `WeakNode` with its parent also kept strongly (in an
    attribute of a subclass): every child and its parent form a cycle again,
    as with `StrongNode`."""
    class WeakNode(node_class):
        def __init__(self, parent, *args, **kwargs):
            super().__init__(parent, *args, **kwargs)
            # Read through the `parent` property the task asks for, so a
            # constructor that takes its arguments in another order still
            # gets a strong link to its real parent.
            self.heapwise_strong_parent = self.parent
    return WeakNode


@check("the last line follows the program's own trees: run again with a `WeakNode` that also keeps its parent strongly, it says False", step=5)
def _(p):
    # A conclusion worked out from the program's own figures for its trees
    # turns False when its WeakNode forms cycles again; one typed in does not.
    run = p.rerun("strong parent too", "WeakNode", strong_parent_too)
    if run is None:
        fail("Your program defines no top-level class `WeakNode`: write it as the task asks.")
    said = run.said("weak back-references free the tree without the collector")
    if said:
        fail("Run again here with a `WeakNode` that also keeps its parent strongly (so every child and its "
             "parent form a cycle, as with `StrongNode`), your program still ended with True: work out the last "
             "line from what your own trees showed (the bytes still traced after `del root`, what "
             "`gc.collect()` then found), not a typed True.")


@check("a size in bytes the program prints from `sys.getsizeof` is what it returned (run again with a `getsizeof` that reads 1,000 more)", step=3)
def _(p):
    # Where a program prints what getsizeof says of an object (the reference
    # does: a weak reference, an instance with and without '__weakref__'),
    # the figure must follow the call: run again with a getsizeof that answers
    # 1,000 more, a figure it returned moves by 1,000, a typed one stays.
    answered = set()

    def more(real):
        def getsizeof(obj, *default):
            size = real(obj, *default)
            answered.add(size)
            return size + 1_000
        return getsizeof

    run = p.rerun("getsizeof reads more", modules={"sys": {"getsizeof": more}})
    # A size typed in is never asked of getsizeof in that run: the sizes of
    # instances of the program's own classes that take no arguments count too.
    for value in list(p.names.values()):
        if isinstance(value, type) and value.__module__ == "__main__":
            try:
                answered.add(sys.getsizeof(value()))
            except Exception:
                pass
    for figure in p.unmoved(run):
        typed = [value for value in figure.values if value in answered] if figure.unit else []
        if typed:
            fail(f"Your program printed \"{figure.line.strip()}\", and run again here with a `sys.getsizeof` that "
                 f"answers 1,000 bytes more it printed {typed[0]:,.0f} bytes there still: that figure is typed in. "
                 "Print what `sys.getsizeof` returns for the object.")
