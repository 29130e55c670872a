"""Heapwise reference program for object-pool (O9, L-fit section 5).

A small generic pool hands out objects made by a factory, takes them back,
wipes them with a reset function and hands them out again. The program runs
100 rounds that each need five 1 KiB buffers at once, with and without the
pool, counts how many buffers each approach had to create, traces the peak
of each approach, and checks that a buffer never carries the previous
user's data.
"""
import platform
import struct
import sys
import time
import tracemalloc


class Pool:
    """Keeps up to `size` released objects for reuse."""

    def __init__(self, factory, reset, size):
        self._factory = factory
        self._reset = reset
        self._size = size
        self._free = []
        self.created = 0
        self.reused = 0
        self.returned = 0

    def acquire(self):
        if self._free:
            self.reused += 1
            return self._free.pop()
        self.created += 1
        return self._factory()

    def release(self, item):
        self.returned += 1
        if len(self._free) < self._size:
            self._reset(item)
            self._free.append(item)


BUFFER_BYTES = 1024
POOL_SIZE = 5
REPEATS = 5  # timed runs; the fastest is the least disturbed by the rest of the machine


def new_buffer():
    return bytearray(BUFFER_BYTES)


def wipe(buffer):
    buffer[:] = bytes(len(buffer))


def fill(buffer, value):
    """Stands for real work: writes the whole buffer."""
    buffer[:] = bytes([value]) * len(buffer)


def with_pool(rounds):
    pool = Pool(new_buffer, wipe, POOL_SIZE)
    clean = True
    for round_number in range(rounds):
        buffers = [pool.acquire() for _ in range(POOL_SIZE)]
        for slot, buffer in enumerate(buffers):
            clean = clean and not any(buffer)
            fill(buffer, (round_number + slot) % 255 + 1)
        for buffer in buffers:
            pool.release(buffer)
    return pool, clean


def with_pool_summed(rounds):
    """with_pool's rounds as the Rust variant runs them: each use also adds up
    the bytes it wrote, and counts the buffers that came back dirty."""
    pool = Pool(new_buffer, wipe, POOL_SIZE)
    total = dirty = 0
    for round_number in range(rounds):
        buffers = [pool.acquire() for _ in range(POOL_SIZE)]
        for slot, buffer in enumerate(buffers):
            dirty += any(buffer)
            fill(buffer, (round_number + slot) % 255 + 1)
            total += sum(buffer)
        for buffer in buffers:
            pool.release(buffer)
    return total + (dirty << 40)


def without_pool(rounds, drop_each_round=False):
    created = 0
    for round_number in range(rounds):
        buffers = [new_buffer() for _ in range(POOL_SIZE)]
        created += len(buffers)
        for slot, buffer in enumerate(buffers):
            fill(buffer, (round_number + slot) % 255 + 1)
        if drop_each_round:
            # Let go of this round's buffers before the next round makes
            # new ones (otherwise `buffers` keeps them until it is rebound).
            del buffers, buffer
    return created


def best_time_us(step, calls=1):
    """Microseconds per call of step(): the fastest of REPEATS rounds of `calls` calls."""
    assert not tracemalloc.is_tracing(), "time with tracemalloc off: it slows every allocation"
    fastest = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            step()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest / calls * 1e6


def traced(run):
    """Run run() with tracemalloc on; return its result and the peak."""
    tracemalloc.start()
    result = run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, peak


print(f"CPython {platform.python_version()}, {struct.calcsize('P') * 8}-bit")
print(f"one {BUFFER_BYTES}-byte bytearray: {sys.getsizeof(new_buffer()):,} bytes (getsizeof)")

rounds = 100
fresh = without_pool(rounds)
pool, clean = with_pool(rounds)
print(f"{rounds} rounds of {POOL_SIZE} buffers without a pool: {fresh} buffers created")
print(f"with a pool of {POOL_SIZE}: created {pool.created}, reused {pool.reused}, returned {pool.returned}")

# What those creations come to (computed from getsizeof of one buffer),
# and the peak of each approach (traced).
one = sys.getsizeof(new_buffer())
print(f"buffers created, times {one:,} bytes each: {fresh * one:,} bytes without a pool, "
      f"{pool.created * one:,} bytes with it")
_, plain_peak = traced(lambda: without_pool(rounds))
_, pooled_peak = traced(lambda: with_pool(rounds))
_, dropping_peak = traced(lambda: without_pool(rounds, drop_each_round=True))
print(f"traced peak: {plain_peak:,} bytes without a pool, {pooled_peak:,} bytes with it")
print(f"traced peak without a pool, each round's buffers dropped before the next: {dropping_peak:,} bytes")

one_at_a_time = Pool(new_buffer, wipe, POOL_SIZE)
for use in range(1000):
    buffer = one_at_a_time.acquire()
    fill(buffer, use % 255 + 1)
    one_at_a_time.release(buffer)
print(f"1,000 uses one at a time: created {one_at_a_time.created}, reused {one_at_a_time.reused}, "
      f"returned {one_at_a_time.returned:,}")

secret = pool.acquire()
secret[:6] = b"secret"
pool.release(secret)
again = pool.acquire()
# The pooled rounds, timed with tracemalloc off: the page sets this figure
# beside the Rust variant running as many rounds with 1 KiB buffers, which
# also adds up every buffer after filling it.
micros = best_time_us(lambda: with_pool_summed(rounds))
print(f"timing: variant optimized at rounds={rounds}, buffer_kib={BUFFER_BYTES // 1024}: {micros:.1f} us per call, "
      f"best of {REPEATS} (tracemalloc off)")
print(f"the same buffer came back: {again is secret}, wiped: {not any(again)}")
print(f"pooled buffers were always clean: {clean}")
