"""Checks for object-pool. The Pool is called with factories and resets of
the check's own (plain objects, lists, buffers), so what it does is tested,
not what the program prints; the printed counts and the last line are
compared with what the check finds when it runs the student's pool itself;
the buffers the pooled rounds give back must have been filled (not all zero
bytes)."""
import re

from heapwise_check import check, fail, loose, number, task_figures, watch

task_figures("1 KiB")  # the buffers' size, as the task gives it (`bytearray(1024)`)

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the fresh buffers", r"(?<!def )\bnew_buffer\b(?!.*\bPool\b)"),
    ("the pooled buffers", r"\bPool\b|\.acquire\("),
)

# Every bytearray the program makes (`bytearray(1024)`, in `new_buffer` or not): the
# run without a pool must really make its 500 buffers, not have its count typed in.
watch("builtins.bytearray")


class Item:
    """A plain object the check's factory makes: `dirty` says whether reset ran on it."""

    def __init__(self):
        self.dirty = True


def clean_item(item):
    item.dirty = False


def new_pool(p, factory, reset, size):
    pool = p.get("Pool", type)(factory, reset, size)
    return pool


def acquired(pool):
    item = pool.acquire()
    if item is None:
        fail("`acquire()` returned None: with nothing kept it should return what `factory()` makes, "
             "and otherwise one of the kept items.")
    return item


def counters(pool):
    missing = [name for name in ("created", "reused", "returned") if not hasattr(pool, name)]
    if missing:
        fail("A Pool should count what it does in the attributes `created`, `reused` and `returned`; "
             f"yours has no {', '.join('`' + m + '`' for m in missing)}.")
    return pool.created, pool.reused, pool.returned


@check("`acquire()` hands back a released item instead of calling the factory again", step=1)
def _(p):
    made = []

    def factory():
        made.append(Item())
        return made[-1]

    pool = new_pool(p, factory, clean_item, 3)
    first = acquired(pool)
    if len(made) != 1 or first is not made[0]:
        fail("With nothing kept, `acquire()` should call `factory()` once and return what it made.")
    pool.release(first)
    again = acquired(pool)
    if again is not first or len(made) != 1:
        fail("After `release(item)`, the next `acquire()` should return that same item without calling "
             "`factory()`; yours " + ("called the factory again." if len(made) > 1 else "returned another object."))
    other = acquired(pool)
    if len(made) != 2 or other is first:
        fail("With its only kept item already handed out, `acquire()` should call `factory()` for a new one.")


@check("`release()` wipes each item with `reset` and keeps at most `size` items", step=1)
def _(p):
    made = []

    def factory():
        made.append(Item())
        return made[-1]

    pool = new_pool(p, factory, clean_item, 2)
    items = [acquired(pool) for _ in range(5)]
    for item in items:
        item.dirty = True
    pool.release(items[0])
    if items[0].dirty:
        fail("`release(item)` should wipe the item with `reset` when it keeps it, before anyone else can "
             "get it; the item was still unwiped right after `release`.")
    for item in items[1:]:
        pool.release(item)
    again = [acquired(pool) for _ in range(5)]
    reused = sum(any(item is old for old in items) for item in again)
    if reused != 2:
        fail(f"A pool of size 2, given back 5 items, handed {reused} of them out again; it should keep "
             "only 2 and create the rest anew.")
    if any(item.dirty for item in again if any(item is old for old in items)):
        fail("An item the pool kept came back without having been wiped by `reset`.")


@check("the pool counts `created`, `reused` and `returned`", step=2)
def _(p):
    pool = new_pool(p, list, list.clear, 2)
    if counters(pool) != (0, 0, 0):
        fail(f"A new pool should start with created, reused and returned at 0; yours starts at {counters(pool)}.")
    items = [acquired(pool) for _ in range(5)]
    for item in items:
        pool.release(item)
    for _ in range(5):
        acquired(pool)
    if counters(pool) != (8, 2, 5):
        fail(f"A pool of size 2 that hands out 5 items, takes all 5 back and hands out 5 again has "
             f"(created, reused, returned) = {counters(pool)}; it should be (8, 2, 5): 2 of the second "
             "five are reused, and `returned` counts every release, even the 3 the full pool dropped.")


@check("`wipe` sets every byte of a buffer to zero, in the same buffer", step=3)
def _(p):
    wipe = p.get("wipe", callable)
    buffer = bytearray(b"secret data, " * 80)
    size = len(buffer)
    wipe(buffer)
    if len(buffer) != size or any(buffer):
        fail(f"After `wipe(buffer)` on a {size}-byte buffer full of text, the buffer should still be "
             f"{size} bytes long and every byte zero; it is {len(buffer)} bytes long with "
             f"{sum(1 for b in buffer if b)} non-zero bytes. Change the buffer in place "
             "(`buffer[:] = bytes(len(buffer))`): returning a new one does not clean the pooled one.")


def hundred_rounds(p):
    """The task's 100 rounds of five buffers through the student's pool of five:
    (how many buffers it made, whether every acquired buffer was clean)."""
    new_buffer = p.get("new_buffer", callable)
    made = []

    def factory():
        made.append(None)
        return new_buffer()

    pool = new_pool(p, factory, p.get("wipe", callable), 5)
    clean = True
    for round_number in range(100):
        buffers = [acquired(pool) for _ in range(5)]
        for slot, buffer in enumerate(buffers):
            clean = clean and not any(buffer)
            buffer[:: 7] = bytes([(round_number + slot) % 255 + 1]) * len(buffer[:: 7])
        for buffer in buffers:
            pool.release(buffer)
    return len(made), clean


@check("the program prints how many buffers each approach created: 500 without a pool, 5 with it", step=3)
def _(p):
    created, _ = hundred_rounds(p)
    p.printed(number(500), "Print how many buffers the 100 rounds create without a pool (5 new buffers "
                           "every round, so 500).")
    p.printed(number(created), f"Print how many buffers the 100 rounds create through the pool of five "
                               f"(`pool.created`: the check's run of your pool made {created}).")
    if created != 5:
        fail(f"Run through your pool of five, the 100 rounds created {created} buffers; a pool that keeps "
             "what it is given back creates only the first 5.")
    made = p.calls("builtins.bytearray").program_count
    if made < 500:
        fail(f"Your program made {made} bytearrays while it ran, so the 500 buffers it reports for the run "
             "without a pool were not all created: run the 100 rounds making five new `bytearray(1024)` "
             "buffers each round, count them as you make them, and print that count.")


@check("the program ends by saying whether the pooled buffers were always clean, as it found them", step=4)
def _(p):
    said = p.conclusion("pooled buffers were always clean")
    _, clean = hundred_rounds(p)
    if said != clean:
        fail(f"Your program says the pooled buffers were always clean: {said}, but running 100 rounds "
             f"through your pool, the check found {clean}. Check every buffer `acquire()` returns "
             "(`any(buffer)` is true for a dirty one) and print what you found.")
    if not clean:
        fail("Buffers came out of your pool still holding the previous round's data: the pool must wipe "
             "every buffer it keeps.")
    if not re.search(loose("pooled buffers were always clean"), p.last_line):
        fail("Make the line saying whether the pooled buffers were always clean the last line your program "
             "prints, as the task asks.")


MEMO = {}


ROUNDS_AGAIN = 102  # the rounds of the re-run below, where the program asks for range(100)


def deep_byte(item):
    """Where the re-run below dirties a buffer: one byte two thirds of the way
    in (683 of a 1 KiB buffer), a prime place away from both ends, so a look
    at the first or last bytes, or at every 2nd, 4th or 8th, misses it."""
    return len(item) * 2 // 3 + 1


DIRTY_CALL = 183  # the one acquire() of the re-run below that hands out a dirty item: round 37's third


def run_changed(p):
    """The program run again with its `Pool` replaced by a subclass whose
    `acquire` writes a non-zero byte into one item it hands out, the
    DIRTY_CALL-th (one byte deep inside, not the first: a look at
    `buffer[0]` alone misses it; neither the first buffer of a round nor
    the last round's: a look at those alone misses it) and whose size 5
    becomes 4, and with `range(100)` giving 102 rounds: (printed lines,
    whether a pool of five was made, whether range(100) was asked for).
    None if the program defines no top-level class `Pool`."""
    if "changed" in MEMO:
        return MEMO["changed"]
    resized, shifted, calls = [], [], []
    handed, foreign = {}, []  # id -> each item the pool handed out (kept alive); releases of others
    given_back = []  # for each release of an item the pool handed out: whether it came back all zero bytes

    def changed(real):
        class Pool(real):
            def __init__(self, *args, **kwargs):
                if len(args) >= 3 and args[2] == 5:
                    args = args[:2] + (4,) + args[3:]
                    resized.append(True)
                elif kwargs.get("size") == 5:
                    kwargs["size"] = 4
                    resized.append(True)
                real.__init__(self, *args, **kwargs)

            def acquire(self, *args, **kwargs):
                item = real.acquire(self, *args, **kwargs)
                calls.append(True)
                if len(calls) == DIRTY_CALL:
                    try:
                        item[deep_byte(item)] = 1
                    except Exception:
                        pass
                handed[id(item)] = item
                return item

            def release(self, item, *args, **kwargs):
                if handed.get(id(item)) is not item:
                    foreign.append(True)
                else:
                    try:
                        given_back.append(not any(item))
                    except Exception:
                        pass
                return real.release(self, item, *args, **kwargs)
        return Pool

    def more_rounds(*args):
        if args == (100,):
            shifted.append(True)
            args = (ROUNDS_AGAIN,)
        return range(*args)

    run = p.rerun("changed", "Pool", changed, names={"range": more_rounds})
    MEMO["changed"] = None if run is None else (run.lines, bool(resized), bool(shifted))
    MEMO["foreign"] = len(foreign)
    MEMO["given back"] = len(given_back), sum(given_back)
    handed.clear()
    return MEMO["changed"]


def run_with_dirty_pool(p):
    """The printed lines of the re-run above (its pool hands out one dirty item)."""
    changed = run_changed(p)
    return None if changed is None else changed[0]


@check("the counts printed are the ones the program's loops and pool kept (run again with a pool of four and 102 rounds)", step=3)
def _(p):
    changed = run_changed(p)
    if changed is None:
        return "No top-level class `Pool` to replace."
    lines, resized, shifted = changed
    text = "\n".join(lines)
    if resized:
        rounds = ROUNDS_AGAIN if shifted else 100
        if not re.search(number(rounds + 4), text):
            fail(f"Run again here with your pool of five made a pool of four ({rounds} rounds through it then create "
                 f"{rounds + 4} buffers), your program did not print {rounds + 4}: print how many buffers the pool "
                 "created as its `created` counter has it (not a number typed in), from a pool that keeps at most "
                 "`size` items.")
    if shifted:
        typed = [n for n in (500, 495) if re.search(number(n), text)]
        if typed:
            fail(f"Run again here with {ROUNDS_AGAIN} rounds instead of 100 (so {ROUNDS_AGAIN * 5} buffers made "
                 f"without a pool), your program still printed {typed[0]}: print the counts your loop and your "
                 "pool kept, not numbers typed in.")


@check("the pooled rounds fill the buffers the pool hands out and give those back, not copies", step=3)
def _(p):
    if run_changed(p) is None:
        return "No top-level class `Pool` to replace."
    # A release or two of a buffer the pool never handed out may show the
    # full pool dropping it; a round's worth and more is the loop's work.
    foreign = MEMO["foreign"]
    if foreign >= 100:
        fail(f"Run again here, your program handed {foreign:,} buffers back to the pool that the pool had not "
             "handed out: the rounds through the pool must fill the buffers `acquire()` returns and release "
             "those same buffers, not copies of them (a copy is a new buffer every time, which the pool was "
             "meant to save).")
    # The check itself writes one byte into one buffer (DIRTY_CALL); every
    # other buffer the rounds filled comes back with bytes that are not zero.
    released, blank = MEMO["given back"]
    if released >= 100 and blank >= released - 1:
        fail(f"Run again here, {blank:,} of the {released:,} buffers your program gave back to the pool came back "
             "holding only zero bytes: the rounds through the pool never filled the buffers `acquire()` returns "
             "(filling a copy leaves them as they were). Fill the buffers the pool hands out, then release them.")


@check("the buffers are `bytearray(1024)`", step=3)
def _(p):
    buffer = p.get("new_buffer", callable)()
    if not isinstance(buffer, bytearray) or len(buffer) != 1024:
        fail(f"`new_buffer()` gave {type(buffer).__name__}"
             + (f" of {len(buffer):,} bytes" if isinstance(buffer, (bytes, bytearray)) else "")
             + ": the task's buffers are `bytearray(1024)`, 1 KiB each.")


def run_with_dirty_new_item(p):
    """The program run again with its `Pool` replaced by a subclass whose
    third item made by the factory (its `created` count went up in that
    `acquire`) has one byte set deep inside: (printed lines, whether a
    third item was made), or None without a top-level class `Pool`."""
    made = []

    def changed(real):
        class Pool(real):
            def acquire(self, *args, **kwargs):
                before = getattr(self, "created", None)
                item = real.acquire(self, *args, **kwargs)
                after = getattr(self, "created", None)
                if isinstance(before, int) and isinstance(after, int) and after > before:
                    made.append(True)
                    if len(made) == 3:
                        try:
                            item[deep_byte(item)] = 1
                        except Exception:
                            pass
                return item
        return Pool

    run = p.rerun("dirty new item", "Pool", changed)
    return None if run is None else (run.lines, len(made) >= 3)


@check("the last line follows the program's own look at the buffers: with a pool that hands out one dirty buffer among them, it says False", step=4)
def _(p):
    lines = run_with_dirty_pool(p)
    if lines is None:
        return "No top-level class `Pool` to replace."
    pattern = re.compile(loose("pooled buffers were always clean") + r"\W*(True|False)\b", re.IGNORECASE)
    said = [m.group(1).lower() == "true" for m in map(pattern.search, lines) if m]
    if said and said[-1]:
        fail(f"Run again here with a pool whose `acquire()` hands out one dirty buffer (the {DIRTY_CALL}th it is "
             "asked for, with one non-zero byte two thirds of the way in), your program still ended with True: "
             "look at every byte of every buffer `acquire()` returns (`any(buffer)` is true for a dirty one) and "
             "print what you found, not True whatever the buffers hold.")
    # The buffers the factory made are the pool's too: one of them dirty
    # (the third made), the last line must say False as well.
    fresh = run_with_dirty_new_item(p)
    if fresh is not None and fresh[1]:
        said = [m.group(1).lower() == "true" for m in map(pattern.search, fresh[0]) if m]
        if said and said[-1]:
            fail("Run again here with a pool whose third buffer made by the factory has one non-zero byte two "
                 "thirds of the way in, your program still ended with True: step 4 asks you to check every buffer "
                 "you get from the pool, the new ones as well as the reused ones.")
