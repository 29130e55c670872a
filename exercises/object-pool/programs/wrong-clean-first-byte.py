# wrong: the cleanliness check looks only at the first byte of each pooled buffer
# fails: the last line follows the program's own look at the buffers: with a pool that hands out one dirty buffer among them, it says False
class Pool:
    def __init__(self, factory, reset, size):
        self._make = factory
        self._wipe = reset
        self._limit = size
        self._spare = []
        self.created = 0
        self.reused = 0
        self.returned = 0

    def acquire(self):
        if self._spare:
            self.reused += 1
            return self._spare.pop()
        self.created += 1
        return self._make()

    def release(self, item):
        self.returned += 1
        if len(self._spare) >= self._limit:
            return
        self._wipe(item)
        self._spare.append(item)


BUFFER_BYTES = 1024
POOL_SIZE = 5
ROUNDS = 100


def new_buffer():
    return bytearray(BUFFER_BYTES)


def wipe(buffer):
    buffer[:] = bytes(len(buffer))


def use(buffer, round_no, slot):
    for pos in range(0, len(buffer), 64):
        buffer[pos] = (round_no + slot + pos) % 255 + 1


fresh_made = 0
for r in range(ROUNDS):
    held = []
    for s in range(POOL_SIZE):
        buf = new_buffer()
        fresh_made += 1
        use(buf, r, s)
        held.append(buf)
    del held

pool = Pool(new_buffer, wipe, POOL_SIZE)
spotless = True
for r in range(ROUNDS):
    held = [pool.acquire() for _ in range(POOL_SIZE)]
    for s, buf in enumerate(held):
        if buf[0]:
            spotless = False
        use(buf, r, s)
    for buf in held:
        pool.release(buf)

print(f"without a pool: {fresh_made} buffers created")
print(f"with a pool of {POOL_SIZE}: {pool.created} created, {pool.reused} reused, {pool.returned} returned")
print(f"pooled buffers were always clean: {spotless}")
