"""Checks for slices-and-copies: first_total, both_total, first_high and
body_crc give the copying versions' results without building the copies,
and the program shows a bytearray refusing to grow under a live view."""
import zlib

from heapwise_check import check, fail

# Budget for one call that copies nothing: frames, iterators, an int or two.
NO_COPY = 10_000


def readings(n):
    return [1_000 + i * 7919 % 100_000 for i in range(n)]


@check("first_total, both_total and first_high give the same results as the copying versions")
def _(p):
    first_total, both_total = p.get("first_total", callable), p.get("both_total", callable)
    first_high = p.get("first_high", callable)
    data = readings(2_000)
    for k in (0, 1, 999, 2_000, 5_000):
        if first_total(data, k) != sum(data[:k]):
            fail(f"`first_total(readings, {k})` gave {first_total(data, k)!r}, but the first {k} readings add "
                 f"up to {sum(data[:k])!r}.")
        for limit in (91_000, data[3]):
            want = [x for x in data if x > limit][:k]
            if list(first_high(data, limit, k)) != want:
                fail(f"`first_high(readings, {limit:_}, {k})` does not give the first {k} readings above "
                     f"{limit:,} (strictly above), in order.")
    for a, b in ((data[:700], data[700:]), ([], data), (data, [])):
        if both_total(a, b) != sum(a) + sum(b):
            fail(f"`both_total` over batches of {len(a)} and {len(b)} readings gave {both_total(a, b)!r}, "
                 f"not {sum(a) + sum(b)!r}.")


@check("first_total and both_total build no list (measured here)")
def _(p):
    first_total, both_total = p.get("first_total", callable), p.get("both_total", callable)
    data = readings(200_000)
    yesterday, today = data[:100_000], data[100_000:]
    first = p.peak("first_total(200,000 readings, 100,000)", lambda: first_total(data, 100_000))
    both = p.peak("both_total of two batches of 100,000", lambda: both_total(yesterday, today))
    if first > NO_COPY:
        fail(f"Measured here, `first_total(readings, 100_000)` peaked at {first:,} bytes: it still builds a "
             "list of the readings. `sum(islice(readings, k))` walks them in place.")
    if both > NO_COPY:
        fail(f"Measured here, `both_total(a, b)` peaked at {both:,} bytes for two batches of 100,000: it "
             "still joins them. `sum(chain(a, b))` walks one and then the other.")
    return f"{first:,} and {both:,} bytes."


@check("first_high keeps only the matches it returns (measured here)")
def _(p):
    first_high = p.get("first_high", callable)
    data = readings(200_000)
    peak = p.peak("first_high(200,000 readings, 91,000, 100)", lambda: first_high(data, 91_000, 100))
    if peak > 2 * NO_COPY:
        fail(f"Measured here, `first_high(readings, 91_000, 100)` peaked at {peak:,} bytes: it collects every "
             "reading above the limit before keeping 100. Filter with a generator expression and stop with "
             "`islice(..., k)`.")
    return f"{peak:,} bytes."


@check("body_crc checksums the packet's body without copying it (measured here)")
def _(p):
    body_crc = p.get("body_crc", callable)
    packet = bytes(range(256)) * 8_000
    result, peak = p.measure("body_crc of a 2,048,000-byte packet", lambda: body_crc(packet, 16))
    if result != zlib.crc32(packet[16:]):
        fail(f"`body_crc(packet, 16)` gave {result!r}, but `zlib.crc32` of the bytes after the header is "
             f"{zlib.crc32(packet[16:])!r}.")
    if peak > NO_COPY:
        fail(f"Measured here, `body_crc` peaked at {peak:,} bytes for a 2,048,000-byte packet: it copies the "
             "body. Give `zlib.crc32` a `memoryview(packet)[header:]` instead.")
    return f"{peak:,} bytes."


@check("the program shows a bytearray refusing to grow while a memoryview of it exists")
def _(p):
    p.printed(r"BufferError|cannot be re-sized",
              "Step 6 asks you to append to a `bytearray` while a `memoryview` of it exists and print the "
              "error; no printed line shows a `BufferError`.")


@check("the last line says every version without copies peaks lower than its copying twin: True")
def _(p):
    said = p.expect_last_line(r"every version without copies peaks lower than its copying twin: (True|False)",
                              "every version without copies peaks lower than its copying twin: True")
    if said.group(1) != "True":
        fail("Your program concluded False. Measure each pair one at a time, with the data built before "
             "tracing starts, and check that the results agree as well.")
