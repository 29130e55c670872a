# wrong: a Pool is made but the pooled rounds make new buffers; the pool created nothing
# fails: the program prints how many buffers each approach created: 500 without a pool, 5 with it
# fails: the last line follows the program's own look at the buffers: with a pool that hands out one dirty buffer among them, it says False
from collections import deque

class Pool:
    def __init__(self, factory, reset, size):
        self.factory = factory
        self.reset = reset
        self.size = size
        self.kept = deque()
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
        if len(self.kept) >= self.size:
            return
        self.reset(item)
        self.kept.append(item)

BUFFER_BYTES = 1024
POOL_SIZE = 5
ROUNDS = 100

def new_buffer():
    return bytearray(BUFFER_BYTES)

def wipe(buffer):
    buffer[:] = bytes(len(buffer))

fresh = 0
for r in range(ROUNDS):
    held = []
    while len(held) < 5:
        held.append(new_buffer())
        fresh += 1
    for b in held:
        b[:] = bytes([r % 256 or 1]) * BUFFER_BYTES
print("without a pool, buffers created:", fresh)

pool = Pool(new_buffer, wipe, POOL_SIZE)
clean = True
for r in range(ROUNDS):
    held = [new_buffer() for _ in range(5)]
    for b in held:
        if any(b):
            clean = False
        b[:] = bytes([r % 256 or 1]) * BUFFER_BYTES
    for b in held:
        pool.release(b)
print("with a pool of five, buffers created:", pool.created)
print(f"reused {pool.reused}, returned {pool.returned}")
print("pooled buffers were always clean:", clean)
