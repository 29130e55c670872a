"""Checks for bounded-lru-cache: ByteBoundedLRU stays within its byte
budget, evicts the least recently used entry (a read counts as a use),
refuses what can never fit, and stays small however many keys arrive."""
import sys

from heapwise_check import check, fail


def value_of(n, length=3951):
    """The starter's values: about 4,000 bytes each by getsizeof."""
    return chr(ord("a") + n % 26) * length


def cached(cache, keys):
    """The keys among `keys` the cache returns a value for."""
    return [key for key in keys if cache.get(key) is not None]


@check("put() keeps the cached values within the budget")
def _(p):
    cache = p.get("ByteBoundedLRU", type)(10_000)
    keys = [f"k{i}" for i in range(30)]
    for i, key in enumerate(keys):
        cache.put(key, value_of(i))
    kept = cached(cache, keys)
    if not kept:
        fail("After 30 puts into `ByteBoundedLRU(10_000)`, `get()` returns nothing for any key: `put` "
             "must store the value and `get` must return it.")
    total = sum(sys.getsizeof(value_of(keys.index(key))) for key in kept)
    if total > 10_000:
        fail(f"After 30 puts of ~4,000-byte values, the cache still returns {len(kept)} of them "
             f"({total:,} bytes by getsizeof) against a budget of 10,000: evict the oldest entries "
             "until the new value fits.")
    if keys[-1] not in kept:
        fail("The value stored last is not in the cache: evict old entries to make room, not the new one.")


@check("reading a key makes it the most recently used")
def _(p):
    cache = p.get("ByteBoundedLRU", type)(10_000)
    for n, key in enumerate("abc", start=1):
        cache.put(key, value_of(n))
    if cache.get("a") is not None or cache.get("b") is None or cache.get("c") is None:
        fail("With a 10,000-byte budget and ~4,000-byte values, inserting a, b, c should evict only `a`, "
             f"but the cache holds {cached(cache, 'abc')}.")
    if cache.get("zzz") is not None:
        fail("`get()` of a key never stored should return None.")
    cache.get("b")
    cache.put("d", value_of(4))
    kept = cached(cache, "bcd")
    if kept != ["b", "d"]:
        fail(f"After reading `b` and inserting `d`, the cache holds {kept}; it should hold ['b', 'd']: "
             "`get` must move the key to the most recent end (`move_to_end`), so `c` is evicted.")


@check("a value larger than the whole budget is refused")
def _(p):
    cache = p.get("ByteBoundedLRU", type)(10_000)
    cache.put("small", value_of(1))
    if cache.get("small") is None:
        fail("`put(\"small\", value)` followed by `get(\"small\")` gives nothing back: `put` must store "
             "the value and `get` must return it.")
    cache.put("huge", value_of(5, 20_000))
    if cache.get("huge") is not None:
        fail("A 20,000-character value was stored in a cache with a 10,000-byte budget: `put` should "
             "refuse a value bigger than the budget.")
    if cache.get("small") is None:
        fail("Putting a value that can never fit evicted what was cached: refuse it before evicting anything.")


@check("10,000 inserts leave the cache small (measured here)")
def _(p):
    cls = p.get("ByteBoundedLRU", type)

    def fill(store):
        for i in range(10_000):
            store(i, value_of(i, 100))
        return store

    plain = p.peak("10,000 inserts into a dict", lambda: fill({}.__setitem__))
    bounded = p.peak("10,000 inserts into ByteBoundedLRU(10,000)", lambda: fill(cls(10_000).put))
    if bounded * 5 > plain:
        fail(f"Measured here, 10,000 inserts into `ByteBoundedLRU(10_000)` peaked at {bounded:,} bytes, "
             f"against {plain:,} for a plain dict: the cache should drop old entries as it goes.")
    return f"{bounded:,} bytes, against {plain:,} for a plain dict."


@check("the last line says a recently read key survives the next eviction: True")
def _(p):
    said = p.expect_last_line(r"a recently read key survives the next eviction: (True|False)",
                              "a recently read key survives the next eviction: True")
    if said.group(1) != "True":
        fail("Your program concluded False: after reading `b` and inserting `d`, `b` should still be "
             "cached. Make `get` move the key it reads to the most recent end.")
