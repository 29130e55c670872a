# wrong: checks only the buffers the pool recycled (reused count went up), never the ones it made with the factory, so not every buffer got from the pool is checked (step 4)
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
        if len(self.kept) > 0:
            self.reused = self.reused + 1
            return self.kept.pop()
        self.created = self.created + 1
        return self.factory()

    def release(self, item):
        self.returned = self.returned + 1
        self.reset(item)
        if len(self.kept) < self.size:
            self.kept.append(item)
        # else the pool is full and the item is just dropped

BUFFER_BYTES = 1024
POOL_SIZE = 5
ROUNDS = 100

def new_buffer():
    return bytearray(BUFFER_BYTES)

def wipe(buffer):
    i = 0
    while i < len(buffer):
        buffer[i] = 0
        i = i + 1

# first way: brand new buffers every round
made_new = 0
r = 0
while r < ROUNDS:
    a = new_buffer()
    b = new_buffer()
    c = new_buffer()
    d = new_buffer()
    e = new_buffer()
    made_new = made_new + 5
    a[0] = 1; a[500] = 2; a[1023] = 3
    b[0] = 4; b[500] = 5; b[1023] = 6
    c[0] = 7; c[500] = 8; c[1023] = 9
    d[0] = 10; d[500] = 11; d[1023] = 12
    e[0] = 13; e[500] = 14; e[1023] = 15
    r = r + 1

# second way: the same rounds through a pool of five
pool = Pool(new_buffer, wipe, POOL_SIZE)
all_clean = True
r = 0
while r < ROUNDS:
    got = []
    j = 0
    while j < 5:
        reused_before = pool.reused
        buf = pool.acquire()
        # a buffer straight from bytearray() is zeros anyway, only look at recycled ones
        if pool.reused > reused_before:
            x = 0
            while x < len(buf):
                if buf[x] != 0:
                    all_clean = False
                x = x + 1
        got.append(buf)
        j = j + 1
    j = 0
    while j < 5:
        got[j][0] = j + 1
        got[j][500] = r % 250 + 1
        got[j][1023] = 99
        j = j + 1
    j = 0
    while j < 5:
        pool.release(got[j])
        j = j + 1
    r = r + 1

print("buffers created without a pool: %d" % made_new)
print("buffers created with a pool: %d" % pool.created)
print("(the pool handed out %d buffers again and took back %d)" % (pool.reused, pool.returned))
print("pooled buffers were always clean: " + str(all_clean))
