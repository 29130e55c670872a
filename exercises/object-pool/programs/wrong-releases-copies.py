# wrong: round 9: the pooled rounds acquire buffers, then fill and release fresh copies of them: 500 more buffers made, the pool's created count of 5 is not what the loop used
# fails: the pooled rounds fill the buffers the pool hands out and give those back, not copies
from collections import deque

BUFFER_BYTES = 1024
POOL_SIZE = 5
ROUNDS = 100
PER_ROUND = 5


class Pool:
    """Keeps up to `size` wiped items for reuse."""

    def __init__(self, factory, reset, size):
        self._factory = factory
        self._reset = reset
        self._size = size
        self._kept = deque()
        self.created = 0
        self.reused = 0
        self.returned = 0

    def acquire(self):
        if self._kept:
            self.reused += 1
            return self._kept.popleft()
        self.created += 1
        return self._factory()

    def release(self, item):
        self.returned += 1
        if len(self._kept) >= self._size:
            return                      # full: let this one go
        self._reset(item)
        self._kept.append(item)


def new_buffer():
    return bytearray(BUFFER_BYTES)


def wipe(buffer):
    buffer[:] = bytes(len(buffer))


def fill(buffer, round_no, slot):
    pattern = bytes([(round_no * PER_ROUND + slot) % 255 + 1])
    buffer[:] = pattern * len(buffer)


# Without a pool: five fresh buffers every round.
fresh_made = 0
for rnd in range(ROUNDS):
    batch = []
    for slot in range(PER_ROUND):
        buf = new_buffer()
        fresh_made += 1
        fill(buf, rnd, slot)
        batch.append(buf)
    del batch

# With a pool of five.
pool = Pool(new_buffer, wipe, POOL_SIZE)
dirty_seen = 0
for rnd in range(ROUNDS):
    batch = [pool.acquire() for _ in range(PER_ROUND)]
    dirty_seen += sum(1 for buf in batch if any(buf))
    batch = [bytearray(buf) for buf in batch]   # work on private copies
    for slot, buf in enumerate(batch):
        fill(buf, rnd, slot)
    for buf in batch:
        pool.release(buf)

print(f"without a pool: {fresh_made} buffers created")
print(f"with a pool of {POOL_SIZE}: {pool.created} buffers created, "
      f"{pool.reused} reuses, {pool.returned} handed back")
print(f"pooled buffers were always clean: {dirty_seen == 0}")
