# wrong: prints the two counts and the conclusion without writing the pool or running any rounds
# fails: `acquire()` hands back a released item instead of calling the factory again
# fails: the last line follows the program's own look at the buffers: with a pool that hands out one dirty buffer among them, it says False
# fails: `release()` wipes each item with `reset` and keeps at most `size` items
# fails: the pool counts `created`, `reused` and `returned`
# fails: `wipe` sets every byte of a buffer to zero, in the same buffer
# fails: the program prints how many buffers each approach created: 500 without a pool, 5 with it
class Pool:
    def __init__(self, factory, reset, size):
        ...

    def acquire(self):
        ...

    def release(self, item):
        ...

BUFFER_BYTES = 1024
POOL_SIZE = 5

def new_buffer():
    return bytearray(BUFFER_BYTES)

def wipe(buffer):
    ...

print("without a pool: 500 buffers created")
print("with a pool of 5: 5 buffers created")
print("pooled buffers were always clean: True")
