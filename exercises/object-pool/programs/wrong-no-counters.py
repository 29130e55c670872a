# wrong: half the task: the pool reuses and wipes, but counts nothing; the program counts on its own instead
# fails: the pool counts `created`, `reused` and `returned`
# fails: the program prints how many buffers each approach created: 500 without a pool, 5 with it
class Pool:
    def __init__(self, factory, reset, size):
        self.factory, self.reset, self.size = factory, reset, size
        self.free = []

    def acquire(self):
        return self.free.pop() if self.free else self.factory()

    def release(self, item):
        if len(self.free) < self.size:
            self.reset(item)
            self.free.append(item)

BUFFER_BYTES = 1024
POOL_SIZE = 5

def new_buffer():
    return bytearray(BUFFER_BYTES)

def wipe(buffer):
    buffer[:] = bytes(len(buffer))

made = 0
for r in range(100):
    buffers = [new_buffer() for _ in range(POOL_SIZE)]
    made += len(buffers)
print(f"without a pool: {made} buffers created")

pool = Pool(new_buffer, wipe, POOL_SIZE)
clean = True
for r in range(100):
    buffers = [pool.acquire() for _ in range(POOL_SIZE)]
    for b in buffers:
        clean = clean and not any(b)
        b[0] = r % 255 + 1
    for b in buffers:
        pool.release(b)
print("pooled buffers were always clean:", clean)
