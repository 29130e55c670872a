"""Checks for object-pool: Pool reuses what is released, keeps at most
`size` items, wipes each with `reset`, and counts what it does; wipe()
zeroes a buffer."""
from heapwise_check import check, fail


def counters(pool):
    try:
        return pool.created, pool.reused, pool.returned
    except AttributeError as missing:
        fail(f"A Pool should count `created`, `reused` and `returned` as attributes ({missing}).")


@check("acquire() hands back a released item instead of creating one")
def _(p):
    pool = p.get("Pool", type)(object, lambda item: None, 2)
    first = pool.acquire()
    if first is None:
        fail("`Pool(factory, reset, size).acquire()` returned None: with nothing kept, it should return "
             "`factory()`.")
    pool.release(first)
    again = pool.acquire()
    if again is not first:
        fail("After `release(item)`, the next `acquire()` did not return that item: keep released items "
             "in a list and pop from it before calling the factory.")
    if counters(pool) != (1, 1, 1):
        fail(f"After acquire, release, acquire, the counters (created, reused, returned) are "
             f"{counters(pool)}; they should be (1, 1, 1).")


@check("release() keeps at most `size` items")
def _(p):
    pool = p.get("Pool", type)(list, list.clear, 2)
    items = [pool.acquire() for _ in range(5)]
    for item in items:
        pool.release(item)
    again = [pool.acquire() for _ in range(5)]
    reused = sum(any(item is old for old in items) for item in again)
    if reused != 2 or counters(pool) != (8, 2, 5):
        fail(f"A pool of size 2, given back 5 items, handed {reused} of them out again (counters "
             f"created, reused, returned: {counters(pool)}); it should keep only 2, so (8, 2, 5).")


@check("wipe() zeroes a buffer, and the pool wipes every item it keeps")
def _(p):
    wipe = p.get("wipe", callable)
    buffer = bytearray(b"secret data")
    wipe(buffer)
    if buffer != bytearray(len(b"secret data")):
        fail(f"`wipe(bytearray(b\"secret data\"))` left {bytes(buffer)!r}; every byte should be zero and "
             "the length unchanged (`buffer[:] = bytes(len(buffer))`).")
    pool = p.get("Pool", type)(p.get("new_buffer", callable), wipe, 5)
    secret = pool.acquire()
    secret[:6] = b"secret"
    pool.release(secret)
    if any(pool.acquire()):
        fail("A buffer released with data in it came back from the pool still holding it: call `reset` "
             "on every item you keep.")


@check("100 rounds of five buffers create only five through a pool of five")
def _(p):
    pool = p.get("Pool", type)(p.get("new_buffer", callable), p.get("wipe", callable), 5)
    for round_number in range(100):
        buffers = [pool.acquire() for _ in range(5)]
        if any(buffer is None for buffer in buffers):
            fail("`acquire()` returned None: it should return a kept buffer or a new one from the factory.")
        for buffer in buffers:
            buffer[0] = round_number % 255 + 1
        for buffer in buffers:
            pool.release(buffer)
    if counters(pool) != (5, 495, 500):
        fail(f"100 rounds of five buffers left the counters (created, reused, returned) at "
             f"{counters(pool)}; a pool of five should give (5, 495, 500).")


@check("the last line says pooled buffers were always clean: True")
def _(p):
    said = p.expect_last_line(r"pooled buffers were always clean: (True|False)",
                              "pooled buffers were always clean: True")
    if said.group(1) != "True":
        fail("Your program found a dirty buffer: the pool must wipe every buffer it keeps, before the "
             "next user gets it.")
