# wrong: each round fills a bytearray copy of the handed-out buffer, so the pooled buffers are never used (or dirtied) and the pool's reuse and wipe do no work
# fails: the pooled rounds fill the buffers the pool hands out and give those back, not copies
class Pool:
    def __init__(self, factory, reset, size):
        self.factory = factory
        self.reset = reset
        self.size = size
        self._free = []
        self.created = 0
        self.reused = 0
        self.returned = 0

    def acquire(self):
        if self._free:
            self.reused += 1
            return self._free.pop()
        self.created += 1
        return self.factory()

    def release(self, item):
        self.returned += 1
        self.reset(item)
        if len(self._free) < self.size:
            self._free.append(item)

BUFFER_BYTES = 1024
POOL_SIZE = 5
ROUNDS = 100
PER_ROUND = 5

def new_buffer():
    return bytearray(BUFFER_BYTES)

def wipe(buffer):
    buffer[:] = bytes(len(buffer))


def run_rounds(get, give_back, on_get=None):
    for rnd in range(ROUNDS):
        held = [get() for _ in range(PER_ROUND)]
        for slot, buf in enumerate(held):
            if on_get is not None:
                on_get(buf)
            fill = (rnd * PER_ROUND + slot) % 255 + 1
            work = bytearray(buf)          # work on a private view of the buffer
            work[:] = bytes([fill]) * len(work)
        for buf in held:
            give_back(buf)


# without a pool: a fresh buffer for every use
fresh_count = 0
def fresh():
    global fresh_count
    fresh_count += 1
    return new_buffer()

run_rounds(fresh, lambda buf: None)

# with a pool of five, looking at every buffer as it is handed out
pool = Pool(new_buffer, wipe, POOL_SIZE)
dirty_seen = 0
def inspect(buf):
    global dirty_seen
    if any(buf):
        dirty_seen += 1

run_rounds(pool.acquire, pool.release, on_get=inspect)

print(f"without a pool: {fresh_count} buffers created")
print(f"with a pool of {POOL_SIZE}: {pool.created} buffers created, "
      f"{pool.reused} reused, {pool.returned} returned")
print(f"pooled buffers were always clean: {dirty_seen == 0}")
