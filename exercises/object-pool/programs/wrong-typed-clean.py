# wrong: (e) the cleanliness verdict is typed True; the buffers from the pool are never looked at
# fails: the last line follows the program's own look at the buffers: with a pool that hands out one dirty buffer among them, it says False
class Pool:
    def __init__(self, factory, reset, size):
        self.factory = factory
        self.reset = reset
        self.size = size
        self.kept = []
        self.created = 0
        self.reused = 0
        self.returned = 0

    def acquire(self):
        if self.kept:
            self.reused += 1
            return self.kept.pop()
        self.created += 1
        return self.factory()

    def release(self, item):
        self.returned += 1
        if len(self.kept) < self.size:
            self.reset(item)
            self.kept.append(item)

BUFFER_BYTES = 1024
POOL_SIZE = 5

def new_buffer():
    return bytearray(BUFFER_BYTES)

def wipe(buffer):
    buffer[:] = bytes(len(buffer))

ROUNDS, PER_ROUND = 100, 5

fresh_count = 0
for r in range(ROUNDS):
    bufs = []
    for _ in range(PER_ROUND):
        bufs.append(new_buffer())
        fresh_count += 1
    for i, b in enumerate(bufs):
        b[:] = bytes([(r + i) % 255 + 1]) * BUFFER_BYTES

pool = Pool(new_buffer, wipe, POOL_SIZE)
always_clean = True
for r in range(ROUNDS):
    bufs = [pool.acquire() for _ in range(PER_ROUND)]
    for i, b in enumerate(bufs):
        if False:
            always_clean = False
        b[:] = bytes([(r + i) % 255 + 1]) * BUFFER_BYTES
    for b in bufs:
        pool.release(b)
print("without a pool, buffers created:", fresh_count)
print(f"with a pool of {POOL_SIZE}: created {pool.created}, reused {pool.reused}, returned {pool.returned}")
print("pooled buffers were always clean:", always_clean)
