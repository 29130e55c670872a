# correct: written from the task alone; deque free list, while loops, a manual zeroing loop, other wording, `=` before the result
from collections import deque


class Pool:
    def __init__(self, factory, reset, size):
        self._make = factory
        self._wipe = reset
        self._limit = size
        self._spare = deque()
        self.created = self.reused = self.returned = 0

    def acquire(self):
        if len(self._spare) > 0:
            self.reused = self.reused + 1
            return self._spare.popleft()
        item = self._make()
        self.created = self.created + 1
        return item

    def release(self, item):
        self.returned = self.returned + 1
        if len(self._spare) >= self._limit:
            return
        self._wipe(item)
        self._spare.append(item)


BUFFER_BYTES = 1024
POOL_SIZE = 5


def new_buffer():
    return bytearray(BUFFER_BYTES)


def wipe(buffer):
    n = len(buffer)
    buffer[0:n] = b"\x00" * n


def without_pool(rounds):
    made = 0
    r = 0
    while r < rounds:
        held = []
        while len(held) < 5:
            b = new_buffer()
            made += 1
            b[:4] = b"data"
            held.append(b)
        r += 1
    return made


def with_pool(rounds):
    pool = Pool(new_buffer, wipe, POOL_SIZE)
    all_clean = True
    r = 0
    while r < rounds:
        held = []
        while len(held) < 5:
            b = pool.acquire()
            all_clean = all_clean and b.count(0) == len(b)
            b[-4:] = b"used"
            held.append(b)
        while held:
            pool.release(held.pop())
        r += 1
    return pool, all_clean


print("Buffers created without a pool:", without_pool(100))
pool, ok = with_pool(100)
print("Buffers created with a pool of five:", pool.created)
print("Pooled buffers were always clean =", ok)
