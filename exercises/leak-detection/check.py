"""Checks for leak-detection: detect_leak(func, iterations) reports the lines
grown by more than 1 KB, sorted, after collecting the garbage; live_types
counts live objects by type name,
the program's diff names the caching line, and BoundedCache gives the same
answers while keeping only the 10 most recently used reports."""
import gc
import tracemalloc

from heapwise_check import check, fail, number

REPORT_BYTES = 1024


def bounded_handler(p):
    """A handler from the program's BoundedCache: its `handle` method, or the
    instance itself if it is callable. Tries BoundedCache(10), then BoundedCache()."""
    cls = p.get("BoundedCache", type)
    try:
        cache = cls(10)
    except TypeError:
        cache = cls()
    handler = getattr(cache, "handle", None) or (cache if callable(cache) else None)
    if handler is None:
        fail("A `BoundedCache` should answer requests like `handle(key)` does: give it a `handle(key)` method.")
    return handler


def allocated_by(call):
    """Bytes allocated at the peak of one call (no figure recorded)."""
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@check("live_types() counts the live objects by type name")
def _(p):
    live_types = p.get("live_types", callable)
    report = p.get("Report", type)
    before = live_types()
    if not hasattr(before, "get"):
        fail(f"`live_types()` returned {type(before).__name__}; it should return a mapping from type name "
             "to count, such as a `collections.Counter` over `gc.get_objects()`.")
    held = [report(k, b"x") for k in range(25)]
    after = live_types()
    grown = after.get("Report", 0) - before.get("Report", 0)
    if grown < 25:
        fail(f"With 25 more Report objects alive, `live_types()[\"Report\"]` grew by {grown}: count every "
             "object the garbage collector tracks, keyed by `type(obj).__name__`.")
    del held


class Node:
    """A reference cycle holding 10 KB: garbage only the collector frees."""

    def __init__(self):
        self.me = self
        self.data = bytes(10_000)


def cyclic_garbage(i):
    Node()


@check("detect_leak(func, iterations) returns the lines grown by more than 1 KB, biggest first")
def _(p):
    detect_leak = p.get("detect_leak", callable)
    kept = []

    def leaky(i):
        kept.append(bytes(3_000))
        kept.append(str(i) * 400)

    found = detect_leak(leaky, 60)
    if tracemalloc.is_tracing():
        tracemalloc.stop()
        fail("tracemalloc is still tracing after `detect_leak` returned: stop it if `detect_leak` started it.")
    if not isinstance(found, list) or not found or not all(isinstance(t, tuple) and len(t) == 3 for t in found):
        fail(f"`detect_leak(leaky, 60)` returned {found!r}; it should return a list of "
             "`(size_diff, filename, lineno)` tuples for the lines that grew.")
    sizes = [t[0] for t in found]
    if sizes != sorted(sizes, reverse=True):
        fail(f"The size differences come in the order {sizes}: sort the tuples biggest first.")
    if sizes[0] < 60 * 3_000:
        fail(f"A function keeping 3,000 bytes per call for 60 calls grew by {sizes[0]:,} bytes at the top of "
             "your list: compare a snapshot before the calls with one after them.")
    small = []
    tiny = detect_leak(lambda i: small.append(i * 1_000_003), 5)
    if any(t[0] <= 1024 for t in found + tiny if isinstance(t, tuple) and t):
        fail(f"`detect_leak` reported a line that grew by {min(t[0] for t in found + tiny):,} bytes: keep only "
             "lines that grew by more than 1 KB (1,024 bytes), so small noise (the first snapshot's own "
             "objects, a few ints) does not drown the leak.")
    del kept, small


@check("detect_leak collects the garbage before each snapshot")
def _(p):
    detect_leak = p.get("detect_leak", callable)
    gc.collect()
    found = detect_leak(cyclic_garbage, 40)
    if tracemalloc.is_tracing():
        tracemalloc.stop()
    if found:
        fail(f"40 calls that each leave a 10 KB reference cycle as garbage were reported as growth "
             f"({found[0][0]:,} bytes at the top): nothing refers to those cycles, the collector just has "
             "not run yet. Call `gc.collect()` before each snapshot.")


@check("the program's snapshot diff names the caching line")
def _(p):
    caching = [n for n, text in enumerate(p.source.splitlines(), start=1) if "_cache[key] =" in text]
    if not caching:
        fail("The program no longer has the line that stores into `_cache` (`_cache[key] = ...`); keep "
             "the leaky handler so the diff has something to find.")
    line = caching[0]
    p.printed(rf"(\.py|line)\D{{0,2}}{number(line)}\b|_cache\[key\] =",
              f"Step 1 asks you to print the line that grew most between the two snapshots; it is line "
              f"{line} (`_cache[key] = ...`), but no printed line names it. Print what "
              "`detect_leak(handle, 100)` returns (file and line of each grown line).")


@check("BoundedCache gives the same answers as handle")
def _(p):
    handle = p.get("handle", callable)
    bounded = bounded_handler(p)
    keys = [k for k in range(40) for _ in range(2)] + list(range(39, -1, -3))
    for key in keys:
        want, got = handle(key), bounded(key)
        if got != want:
            fail(f"For key {key}, the bounded cache answered {got!r} and `handle` {want!r}: the "
                 "cache must only change how long reports are kept, never the answer.")


@check("BoundedCache keeps only the 10 most recently used reports")
def _(p):
    bounded = bounded_handler(p)
    for key in range(10):
        bounded(key)
    bounded(0)  # a hit: key 0 becomes the most recent
    bounded(10)  # a miss: one report must go, the least recently used (key 1)
    if allocated_by(lambda: bounded(0)) >= REPORT_BYTES:
        fail("After keys 0-9, a second read of 0 and a new key 10, reading 0 again built its report anew: "
             "a read should make a key the most recent (`move_to_end`), and the oldest is evicted.")
    if allocated_by(lambda: bounded(1)) < REPORT_BYTES:
        fail("After keys 0-9, a second read of 0 and a new key 10, key 1 should have been evicted, but "
             "its report was still cached: keep at most 10 reports.")
    handle = p.get("handle", callable)
    p.peak("1,000 new keys through handle", lambda: [handle(k) for k in range(2_000, 3_000)])
    held = p.peak("1,000 new keys through BoundedCache", lambda: [bounded(k) for k in range(100, 1_100)])
    if held > 100 * 1024:
        fail(f"Serving 1,000 new keys through the bounded cache peaked at {held:,} bytes: it keeps far "
             "more than 10 reports. Evict the least recently used one when the 11th arrives.")
    return f"1,000 new keys: {held:,} bytes at the peak."


@check("the last line says the diff points at the caching line, over 100 KB: True")
def _(p):
    said = p.expect_last_line(r"the diff points at the caching line, over 100 KB: (True|False)",
                              "the diff points at the caching line, over 100 KB: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but 100 cached reports of 1,024 bytes put the caching line "
             "at the top of the diff with over 100 KB. Filter both snapshots to your file and compare "
             "them by \"lineno\".")
