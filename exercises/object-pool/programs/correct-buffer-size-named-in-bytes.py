# correct: written from the task and the page's list of checks (round 22): the buffers' size printed as "1024 bytes", the size the task gives
# reading: "print how many buffers each approach created" -> the without-pool
# loop counts every bytearray it makes; the pooled loop reports pool.created.
# reading: "check every buffer you get from the pool" -> every acquire() in the
# pooled rounds is inspected right when it is handed out, before it is filled.
from collections import deque


class Pool:
    """A small free-list pool; counts what it creates, reuses and gets back."""

    def __init__(self, factory, reset, size):
        self._factory = factory
        self._reset = reset
        self._capacity = size
        self._free = deque()
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
        if len(self._free) >= self._capacity:
            return  # pool is full: drop it
        self._reset(item)
        self._free.append(item)

    def __len__(self):
        return len(self._free)


BUFFER_BYTES = 1024
POOL_SIZE = 5
ROUNDS = 100
PER_ROUND = 5


def new_buffer():
    return bytearray(BUFFER_BYTES)


def wipe(buffer):
    buffer[:] = bytes(len(buffer))


def fill(buffer, seed):
    for k in range(0, len(buffer), 64):
        buffer[k] = (seed + k) % 255 + 1


def without_pool(rounds):
    made = 0
    for r in range(rounds):
        held = []
        for s in range(PER_ROUND):
            buf = new_buffer()
            made += 1
            fill(buf, r * PER_ROUND + s)
            held.append(buf)
        del held
    return made


def with_pool(rounds, pool):
    dirty = []
    for r in range(rounds):
        held = []
        for s in range(PER_ROUND):
            buf = pool.acquire()
            if any(buf):
                dirty.append((r, s))
            fill(buf, r * PER_ROUND + s)
            held.append(buf)
        for buf in held:
            pool.release(buf)
    return dirty


pool = Pool(new_buffer, wipe, POOL_SIZE)
counts = {
    "new buffers every round": without_pool(ROUNDS),
}
dirty = with_pool(ROUNDS, pool)
counts["pool of %d" % POOL_SIZE] = pool.created

width = max(map(len, counts))
print("buffers created over %d rounds of %d x %d bytes:" % (ROUNDS, PER_ROUND, BUFFER_BYTES))
for name, value in counts.items():
    print(f"  {name:<{width}} : {value:>5,}")
print("pool counters: created={0.created} reused={0.reused} returned={0.returned}".format(pool))
print("dirty buffers handed out:", len(dirty))
print("pooled buffers were always clean:", not dirty)
