# wrong: half the task: first_total and both_total copy nothing, first_high and body_crc still copy; measured and concluded honestly
# fails: `first_high` keeps only the matches it returns: it peaks far below its copying twin
# fails: `body_crc` gives the crc32 of the bytes after the header without copying them
# fails: the program ends by saying whether every version without copies peaked lower than its twin, as measured
import tracemalloc
import zlib
from itertools import chain, islice

def first_total_copy(readings, k):
    return sum(readings[:k])

def both_total_copy(a, b):
    return sum(a + b)

def first_high_copy(readings, limit, k):
    return [x for x in readings if x > limit][:k]

def body_crc_copy(packet, header):
    return zlib.crc32(packet[header:])

def first_total(readings, k):
    return sum(islice(readings, k))

def both_total(a, b):
    return sum(chain(a, b))

def first_high(readings, limit, k):
    matches = [x for x in readings if x > limit]
    return matches[:k]

def body_crc(packet, header):
    body = packet[header:]
    return zlib.crc32(body)

n = 200_000
readings = [1_000 + i * 7919 % 100_000 for i in range(n)]
yesterday, today = readings[: n // 2], readings[n // 2:]
packet = bytes(range(256)) * 8_000

def peak(fn):
    tracemalloc.start()
    result = fn()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top, result

ok = True
for name, a, b in [("first_total", lambda: first_total_copy(readings, 1000), lambda: first_total(readings, 1000)),
                   ("both_total", lambda: both_total_copy(yesterday, today), lambda: both_total(yesterday, today)),
                   ("first_high", lambda: first_high_copy(readings, 91_000, 10), lambda: first_high(readings, 91_000, 10)),
                   ("body_crc", lambda: body_crc_copy(packet, 16), lambda: body_crc(packet, 16))]:
    (pa, ra), (pb, rb) = peak(a), peak(b)
    ok = ok and pb < pa and ra == rb
    print(name, pa, pb, ra == rb)

data = bytearray(10)
view = memoryview(data)[:4]
view[0] = 1
try:
    data.append(1)
except BufferError as e:
    print("BufferError:", e)
view.release()
print("every version without copies peaks lower than its copying twin:", ok)
