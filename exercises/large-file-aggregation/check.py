"""Checks for large-file-aggregation: aggregate_streaming gives the totals of
reading everything while its peak stays flat as the file grows, and
HyperLogLog estimates distinct counts closely in memory that never grows."""
import os
import struct
import tempfile

from heapwise_check import check, fail

RECORD = struct.Struct("<HIdB")


def write_file(path, n):
    """n readings in the task's format, made here (not by the program)."""
    with open(path, "wb") as f:
        for i in range(n):
            r = (i * 2654435761 + 12345) % (1 << 32)
            f.write(RECORD.pack(r % 64, 1_700_000_000 + i, 10 + (r >> 8) % 160 / 4, 1 if r % 37 == 0 else 0))


def expected_totals(path):
    totals = {}
    with open(path, "rb") as f:
        for sensor, _, value, status in RECORD.iter_unpack(f.read()):
            if status:
                continue
            row = totals.setdefault(sensor, [0, 0.0, value, value])
            row[0] += 1
            row[1] += value
            row[2] = min(row[2], value)
            row[3] = max(row[3], value)
    return totals


def as_lists(totals):
    return {sensor: [row[0], row[1], row[2], row[3]] for sensor, row in totals.items()}


@check("aggregate_streaming(path) gives the same totals as reading the whole file")
def _(p):
    aggregate = p.get("aggregate_streaming", callable)
    with tempfile.TemporaryDirectory() as folder:
        for n in (10_001, 3, 0):
            path = os.path.join(folder, f"readings-{n}.bin")
            write_file(path, n)
            want = expected_totals(path)
            got = aggregate(path)
            if not isinstance(got, dict):
                fail(f"`aggregate_streaming(path)` returned {type(got).__name__} for a file of {n:,} readings; "
                     "it should return the dict `aggregate_all_at_once` returns: sensor -> [readings, sum, "
                     "lowest, highest].")
            if as_lists(got) != want:
                wrong = sorted(set(want) ^ set(got)) or [s for s in want if as_lists(got)[s] != want[s]]
                fail(f"For a file of {n:,} readings, `aggregate_streaming` disagrees with reading the whole "
                     f"file (first differing sensor: {wrong[0]}). Unpack every whole record of every chunk, "
                     "the last, shorter chunk included, and skip readings whose status is not 0.")


@check("aggregate_streaming's peak stays flat as the file grows fourfold (measured here)")
def _(p):
    aggregate = p.get("aggregate_streaming", callable)
    with tempfile.TemporaryDirectory() as folder:
        small, large = os.path.join(folder, "small.bin"), os.path.join(folder, "large.bin")
        write_file(small, 20_000)
        write_file(large, 80_000)
        aggregate(small)  # once untraced, so one-time setup is not in either figure
        small_peak = p.peak("aggregate_streaming, 20,000 readings", lambda: aggregate(small))
        large_peak = p.peak("aggregate_streaming, 80,000 readings", lambda: aggregate(large))
    large_bytes = 80_000 * RECORD.size
    if large_peak > 1.1 * small_peak + 4_096 or large_peak * 3 > large_bytes:
        fail(f"Measured here, `aggregate_streaming` peaked at {small_peak:,} bytes for a 300,000-byte file and "
             f"{large_peak:,} for a {large_bytes:,}-byte file: it still holds the file, or a share of it. "
             "Read `CHUNK_BYTES` at a time with `f.read(CHUNK_BYTES)` and unpack each chunk on its own.")
    return f"{small_peak:,} and {large_peak:,} bytes for files of 300,000 and {large_bytes:,} bytes."


def addresses(count, offset=0):
    for k in range(offset, offset + count):
        yield f"172.{k >> 16 & 255}.{k >> 8 & 255}.{k & 255}"


def new_sketch(p):
    sketch = p.get("HyperLogLog", type)()
    if not callable(getattr(sketch, "add", None)) or not callable(getattr(sketch, "estimate", None)):
        fail("A `HyperLogLog` needs two methods: `add(item)` and `estimate()`.")
    return sketch


def estimate_of(sketch, count):
    value = sketch.estimate()
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        fail(f"After adding {count:,} distinct addresses, `estimate()` returned {value!r}; it should return "
             "a number.")
    return value


@check("HyperLogLog estimates 1,000 and 200,000 distinct addresses within 5%, and ignores repeats")
def _(p):
    # 1,000 is in linear-counting range; at 200,000 every register is in use, so
    # only the harmonic mean of the registers can give the answer.
    for count in (1_000, 200_000):
        sketch = new_sketch(p)
        for address in addresses(count):
            sketch.add(address)
        once = estimate_of(sketch, count)
        if abs(once - count) > 0.05 * count:
            if count <= 1_000:
                advice = (" For small counts, use linear counting: `M * math.log(M / zeros)` while the raw "
                          "estimate is at most `2.5 * M` and some registers are 0.")
            else:
                advice = (" Each register must keep the largest rank it has seen, and the estimate is "
                          "`alpha * M * M / sum(2.0 ** -r for r in registers)`.")
            fail(f"After {count:,} distinct addresses, `estimate()` says {once:,.0f}.{advice}")
        if count <= 1_000:
            for address in addresses(count):
                sketch.add(address)
            if estimate_of(sketch, count) != once:
                fail(f"Adding the same {count:,} addresses a second time changed the estimate from {once:,.0f} "
                     f"to {sketch.estimate():,.0f}: a register should keep the largest rank, so repeats change "
                     "nothing.")


@check("HyperLogLog's memory does not grow with the addresses it has seen (measured here)")
def _(p):
    new_sketch(p)

    def fill(count):
        sketch = new_sketch(p)
        for address in addresses(count, offset=1_000_000):
            sketch.add(address)
        return sketch

    few = p.peak("HyperLogLog with 2,000 addresses", lambda: fill(2_000))
    many = p.peak("HyperLogLog with 30,000 addresses", lambda: fill(30_000))
    if many > 1.2 * few + 4_096 or many > 256 * 1024:
        fail(f"Measured here, a `HyperLogLog` fed 2,000 addresses peaked at {few:,} bytes and one fed 30,000 "
             f"at {many:,}: it keeps what it is given. Store one small number per register in a "
             "`bytearray(M)` and nothing else.")
    return f"{few:,} bytes for 2,000 addresses, {many:,} for 30,000."


@check("the last line says memory stays flat and the sketch is within 2%: True")
def _(p):
    said = p.expect_last_line(
        r"memory stays flat as the input grows, and the sketch is within 2%: (True|False)",
        "memory stays flat as the input grows, and the sketch is within 2%: True")
    if said.group(1) != "True":
        fail("Your program concluded False. The streaming peak should stay within 10% while the file grows "
             "fourfold, and 16,384 registers give an error well under 2% on the log.")
