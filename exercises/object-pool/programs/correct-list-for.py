# correct: written from the task alone; list free list, for loops, own wording for the two counts
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
        self.reset(item)
        if len(self.kept) < self.size:
            self.kept.append(item)


BUFFER_BYTES = 1024
POOL_SIZE = 5
ROUNDS = 100


def new_buffer():
    return bytearray(BUFFER_BYTES)


def wipe(buffer):
    buffer[:] = bytes(len(buffer))


def fill(buffer, value):
    for i in range(0, len(buffer), 64):
        buffer[i] = value


fresh = 0
for r in range(ROUNDS):
    bufs = [new_buffer() for _ in range(5)]
    fresh += len(bufs)
    for b in bufs:
        fill(b, (r % 255) + 1)

pool = Pool(new_buffer, wipe, POOL_SIZE)
clean = True
for r in range(ROUNDS):
    bufs = [pool.acquire() for _ in range(5)]
    for b in bufs:
        if any(b):
            clean = False
        fill(b, (r % 255) + 1)
    for b in bufs:
        pool.release(b)

print(f"new buffers every round: {fresh} created")
print(f"pool of {POOL_SIZE}: {pool.created} created, {pool.reused} reused, {pool.returned} returned")
print(f"pooled buffers were always clean: {clean}")
