# wrong: held-out round 8: looks only at the first buffer of each round
# fails: the last line follows the program's own look at the buffers: with a pool that hands out one dirty buffer among them, it says False
class Pool:
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
        if len(self._free) >= self._size:
            return  # pool full: drop it
        self._reset(item)
        self._free.append(item)


BUFFER_BYTES = 1024
POOL_SIZE = 5
ROUNDS = 100
PER_ROUND = 5


def new_buffer():
    return bytearray(BUFFER_BYTES)


def wipe(buffer):
    buffer[:] = bytes(len(buffer))


def fill(buffer, round_no, slot):
    pattern = bytes([(round_no * PER_ROUND + slot) % 255 + 1])
    buffer[:] = pattern * len(buffer)


# without a pool: fresh buffers every round
fresh_created = 0
for round_no in range(ROUNDS):
    in_use = []
    for slot in range(PER_ROUND):
        buf = new_buffer()
        fresh_created += 1
        fill(buf, round_no, slot)
        in_use.append(buf)
    del in_use

# with a pool of five
pool = Pool(new_buffer, wipe, POOL_SIZE)
always_clean = True
for round_no in range(ROUNDS):
    in_use = []
    for slot in range(PER_ROUND):
        buf = pool.acquire()
        if slot == 0 and any(buf):
            always_clean = False
        fill(buf, round_no, slot)
        in_use.append(buf)
    for buf in in_use:
        pool.release(buf)

print(f"without a pool: {fresh_created} buffers created")
print(f"with a pool of {POOL_SIZE}: {pool.created} buffers created, "
      f"{pool.reused} reused, {pool.returned} returned")
print(f"pooled buffers were always clean: {always_clean}")
