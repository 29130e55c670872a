"""Heapwise reference program for copy-on-write (O8).

Two views over one configuration dict. The eager view copies the dict as
soon as it is created; the copy-on-write view keeps pointing at the shared
dict and makes its private copy only when it is first written to. The
program measures both with tracemalloc and checks that a write through one
view is invisible to the other view and to the original dict.

The course's O8 copies with copy.deepcopy; the views here copy with dict(),
a shallow copy, and the program measures what deepcopy would have cost.
"""
import copy
import platform
import struct
import sys
import time
import tracemalloc


class EagerView:
    """Owns a private copy of the data from the moment it exists."""

    def __init__(self, data):
        self._data = dict(data)

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        self._data[key] = value


class CowView:
    """Reads the shared dict; copies it once, on the first write."""

    def __init__(self, data):
        self._data = data
        self._owns_data = False

    def get(self, key):
        return self._data[key]

    def set(self, key, value):
        if not self._owns_data:
            self._data = dict(self._data)
            self._owns_data = True
        self._data[key] = value

    def shares(self, data):
        return self._data is data


def traced_now():
    return tracemalloc.get_traced_memory()[0]


def run(view_class, config):
    """Bytes held by two views after creation and after one write."""
    tracemalloc.start()
    start = traced_now()
    writer = view_class(config)
    reader = view_class(config)
    after_create = traced_now() - start
    writer.set("key0", -1)
    after_write = traced_now() - start
    tracemalloc.stop()
    untouched = reader.get("key0") == 0 and config["key0"] == 0 and writer.get("key0") == -1
    return after_create, after_write, untouched, (writer, reader)


def copy_traced(make_copy):
    """Bytes a copy holds once made, and the peak while it was being made."""
    tracemalloc.start()
    start = traced_now()
    made = make_copy()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return made, held - start, peak - start


def views_from_scratch(entries, wrappers, writers):
    """What the Rust variant does start to end: build a table of `entries` int
    keys, hand it to `wrappers` copy-on-write views, let the first `writers`
    views write one entry each, then add up the values of every view and of
    the table, plus how many of the other views still read the old value."""
    table = {key: key * 3 for key in range(entries)}
    views = [CowView(table) for _ in range(wrappers)]
    for writer in range(writers):
        views[writer].set(0, 1_000_000 + writer)
    unchanged = sum(view.get(0) == table[0] for view in views[writers:])
    return sum(sum(view._data.values()) for view in views) + sum(table.values()) + unchanged


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")

entries = 10_000
config = {f"key{i}": i for i in range(entries)}
print(f"the shared dict of {entries:,} entries: {sys.getsizeof(config):,} bytes (getsizeof)")

eager_create, eager_write, eager_ok, _ = run(EagerView, config)
cow_create, cow_write, cow_ok, (writer, reader) = run(CowView, config)

print(f"eager, two views created: {eager_create:,} bytes")
print(f"eager, after one write: {eager_write:,} bytes")
print(f"copy-on-write, two views created: {cow_create:,} bytes")
print(f"copy-on-write, after one write: {cow_write:,} bytes")
print(f"the reader still shares the original dict: {reader.shares(config)}")
print(f"the writer has its own copy: {not writer.shares(config)}")
print(f"writes stayed private in both versions: {eager_ok and cow_ok}")

# A shallow copy is enough for this dict: its keys and values are str and
# int, which cannot change in place, and set() replaces a value. deepcopy
# hands such objects back as they are, so it makes the same table, key by key.
_, shallow_held, shallow_peak = copy_traced(lambda: dict(config))
_, deep_held, deep_peak = copy_traced(lambda: copy.deepcopy(config))
print(f"dict(config): {shallow_held:,} bytes held, {shallow_peak:,} bytes peak")
print(f"copy.deepcopy(config): {deep_held:,} bytes held, {deep_peak:,} bytes peak")
# With a list as every value, the two differ: a shallow copy shares the lists,
# so a change made in place through it reaches the original; deepcopy copies
# every list.
nested = {f"key{i}": [i] for i in range(entries)}
shallow, nested_shallow_held, _ = copy_traced(lambda: dict(nested))
_, nested_deep_held, _ = copy_traced(lambda: copy.deepcopy(nested))
print(f"a list per value, dict(): {nested_shallow_held:,} bytes held; "
      f"copy.deepcopy: {nested_deep_held:,} bytes held")
shallow["key0"].append(-1)
print(f"a list changed in place through dict()'s copy changes the original: {nested['key0'] == [0, -1]}")
# The copy-on-write views timed untraced, table and all: the page sets this
# time beside the Rust variant, which builds a table of as many entries (int
# keys, as here), makes 4 views of which one writes, and reads every view back.
us = best_time_us(lambda: views_from_scratch(entries, 4, 1), calls=10)
print(f"timing: variant optimized at entries={entries}, wrappers=4, writers=1: "
      f"{us:.1f} us per call, best of 5 (tracemalloc off)")
print(f"copy-on-write holds less after one write: {cow_write < eager_write}")
