"""Checks for flyweight. `shared_colour`, `pixels_shared`, `pixels_indexed`
and `currency` are called and what they return is inspected (objects
counted by `id`, the codes' array type, the palette's order, the frozen
record). The check traces the three images of 100,000 pixels itself and
compares the program's printed peaks and its conclusion with what it
measured; the ledger's two printed peaks must differ by about what 50,000
Currency records of the program's own take, measured here (records made
by `dataclasses.replace` of a shared one), and answer alike a re-run that
gives 60,000 transactions where the program asks range(50_000) for them
(both grow, or neither does where it counts them some other way; a figure
of other work that happens to differ by as much does not). A printed
image's peak counts only as the program's own tracemalloc returned it
(provenance: traced bytes, not typed, not scaled from a smaller run, not a
`sys.getsizeof`); the ledger's two figures as any measurement of the
program's returned them (step 5 does not name tracemalloc). A count of the shared image's objects and an
array item's size, where the program prints them, must follow its own code
in a re-run with 256 colours and four-byte codes. The last line must turn
False in two re-runs, one whose palette image peaks highest and one whose
shared image does (the palette's staying lowest): the whole chained
comparison, not a part of it. The frozen-record error printed must go in a
re-run whose frozen dataclasses accept a change."""
import dataclasses
import re
from array import array

from heapwise_check import check, fail, watch

# The task's steps, for Memory by line's comparison with the reference (steps.py).
STEPS = (
    ("the colour per pixel", r"\bpixels_with_objects\b"),
    ("the shared colours", r"\bpixels_shared\b"),
    ("the palette indices", r"\bpixels_indexed\b"),
)

# Counts the errors a frozen dataclass raises while the program runs: a printed
# error counts only when an attempt to change a field really raised one.
watch("dataclasses.FrozenInstanceError")


N = 100_000
M = 50_000
# Bytes `pixels_indexed` holds while it builds in a re-run: more than the
# image of a Colour per pixel (6.4 MB on 64-bit CPython, 3.6 MB on wasm32).
BALLAST = 16_000_000
PHRASE = "palette indices < shared colours < a colour per pixel"
MEMO = {}


def expected_pixels(p, n):
    """The image as one new Colour per pixel, built here with the program's
    own Colour, colour_code and channels."""
    colour = p.get("Colour", type)
    colour_code, channels = p.get("colour_code", callable), p.get("channels", callable)
    return [colour(*channels(colour_code(i))) for i in range(n)]


def image_peaks(p):
    """Peaks of the three images of 100,000 pixels, traced here once, and
    what a cache of the 4,096 colours costs on its own (the program may
    have measured its images before its caches were filled)."""
    if "images" not in MEMO:
        shared, indexed = p.get("pixels_shared", callable), p.get("pixels_indexed", callable)
        colour, channels = p.get("Colour", type), p.get("channels", callable)
        own = p.peak(f"{N:,} pixels, a new Colour each", lambda: expected_pixels(p, N))
        warm = p.peak(f"{N:,} pixels, shared colours", lambda: shared(N))
        palette = p.peak(f"pixels_indexed({N:,})", lambda: indexed(N))
        cache = p.peak("4,096 colours in a dict", lambda: {channels(c): colour(*channels(c)) for c in range(4096)})
        MEMO["images"] = own, warm, palette, cache
    return MEMO["images"]


@check("`shared_colour(r, g, b)` returns one shared Colour per colour", step=1)
def _(p):
    shared_colour, colour = p.get("shared_colour", callable), p.get("Colour", type)
    red, again, green = shared_colour(255, 0, 0), shared_colour(255, 0, 0), shared_colour(0, 255, 0)
    if not isinstance(red, colour) or red != colour(255, 0, 0) or green != colour(0, 255, 0):
        fail(f"`shared_colour(255, 0, 0)` gave {red!r} and `shared_colour(0, 255, 0)` gave {green!r}: "
             "each should be a Colour with those channels.")
    if red is not again:
        fail("Two calls `shared_colour(255, 0, 0)` returned two different objects. Keep the first one "
             "in a dict keyed by `(r, g, b)` and return it on every later call.")
    if red is green:
        fail("`shared_colour` returned the same object for two different colours.")


@check("`pixels_shared(n)` holds every pixel's colour, one object per distinct colour", step=2)
def _(p):
    pixels_shared = p.get("pixels_shared", callable)
    want = expected_pixels(p, 5_000)
    got = list(pixels_shared(5_000))
    if got != want:
        fail("`pixels_shared(5_000)` does not hold the colours of `pixels_with_objects(5_000)`, "
             "pixel for pixel.")
    objects = len({id(colour) for colour in got})
    distinct = len(set(want))
    if objects != distinct:
        fail(f"`pixels_shared(5_000)` holds {objects:,} Colour objects for {distinct:,} distinct colours: "
             "equal pixels should share one object (use `shared_colour`).")


@check("`pixels_indexed(n)` returns the 4,096-colour palette in code order and an `array('H')` of codes", step=3)
def _(p):
    pixels_indexed, channels = p.get("pixels_indexed", callable), p.get("channels", callable)
    colour = p.get("Colour", type)
    want = expected_pixels(p, 5_000)
    palette, codes = pixels_indexed(5_000)
    if not isinstance(codes, array) or codes.typecode != "H":
        kind = f"array('{codes.typecode}')" if isinstance(codes, array) else type(codes).__name__
        fail(f"The codes of `pixels_indexed` are {kind}; keep them in an `array('H')`, two bytes per pixel "
             "with no int object behind them.")
    if len(palette) != 4096 or any(palette[code] != colour(*channels(code)) for code in range(4096)):
        fail("The palette of `pixels_indexed` should be a list of the 4,096 colours in code order: "
             "`palette[code]` is the Colour of `channels(code)`.")
    if len(codes) != len(want) or any(palette[code] != pixel for code, pixel in zip(codes, want)):
        fail("`palette[codes[i]]` is not pixel i's colour for every pixel of `pixels_indexed(5_000)`.")


@check("shared colours, and palette indices even more, use less memory than a Colour per pixel (measured here)", step=4)
def _(p):
    own, shared, indexed, _ = image_peaks(p)
    if shared * 2 > own:
        fail(f"Measured here, {N:,} pixels with shared colours peaked at {shared:,} bytes against "
             f"{own:,} with a new Colour each: sharing should at least halve it. Does `pixels_shared` "
             "build a Colour per pixel somewhere?")
    if indexed >= shared:
        fail(f"Measured here, `pixels_indexed({N:,})` peaked at {indexed:,} bytes, no less than the "
             f"{shared:,} of shared colours: build the codes straight into the `array('H')`, with no list "
             "in between.")
    return f"{indexed:,} bytes indexed, {shared:,} shared, {own:,} with a Colour per pixel."


@check("`currency(code)` shares one frozen Currency per code", step=5)
def _(p):
    currency, fields = p.get("currency", callable), p.get("CURRENCY_FIELDS", dict)
    euro = currency("EUR")
    if not dataclasses.is_dataclass(euro) or dataclasses.astuple(euro) != tuple(fields["EUR"]):
        fail(f"`currency(\"EUR\")` gave {euro!r}, not a Currency with the fields in `CURRENCY_FIELDS[\"EUR\"]`.")
    if currency("EUR") is not euro:
        fail("Two calls `currency(\"EUR\")` returned two different objects: keep one Currency per code "
             "and return it every time.")
    if currency("USD") is euro:
        fail("`currency(\"USD\")` returned the euro record.")
    try:
        euro.symbol = "EUR"
    except (dataclasses.FrozenInstanceError, AttributeError):
        pass
    else:
        fail("A shared Currency accepted `symbol = \"EUR\"`: keep the dataclass frozen, or one change "
             "would alter every transaction that shares it.")


@check("the program traces the three images of 100,000 pixels and prints their peaks", step=4)
def _(p):
    own, shared, indexed, cache = image_peaks(p)
    measured, printed = p.sizes(measured="peak"), p.sizes()
    for what, low, high in (("with a new Colour per pixel", own * 0.9, own * 1.1),
                            ("with shared colours", shared * 0.9, (shared + cache) * 1.15),
                            ("as palette indices", indexed * 0.9, (indexed + cache) * 1.15)):
        if not any(low <= size <= high for size in measured):
            if any(low <= size <= high for size in printed):
                fail(f"Measured here, the image of {N:,} pixels {what} peaks at {low / 0.9:,.0f} bytes, and the "
                     "figure your program printed near that is not a peak its own tracemalloc returned: print the "
                     "peak `tracemalloc.get_traced_memory()[1]` gave for that image of 100,000 pixels, not a "
                     "number typed in, scaled from a smaller image or taken from `sys.getsizeof`.")
            fail(f"Measured here, the image of {N:,} pixels {what} peaks at {low / 0.9:,.0f} bytes (more if "
                 "its colours are made during the trace), and no figure your program printed is near that. "
                 "Trace each image on its own and print its peak.")


@check("the program traces 50,000 transactions with their own Currency and 50,000 sharing them, and prints both peaks", step=5)
def _(p):
    saved = ledger_records(p)

    def pairs(sizes):
        """(low, high) places and figures: two printed figures that differ by about `saved`."""
        return [((at, low), (at_high, high)) for at, low in sizes for at_high, high in sizes
                if low >= 0.5 * saved and abs(high - low - saved) <= 0.1 * saved]

    found = pairs(figures_by_place(p.sizes(where=True), only=p.sizes(where=True, measured="peak")))
    if found:
        # The sharing ledger holds the records `currency(code)` returns: run
        # again with it handing out a fresh copy each call, that ledger's
        # peak grows by about the 50,000 records (one that keeps only the
        # code it was given, or nothing, does not).
        run = p.rerun("currency unshared", "currency", unshared)
        if run is not None and run.raised is None:
            again = dict(figures_by_place(p.sizes(lines=run.lines, where=True)))
            if not any(0.5 * saved <= again.get(at, 0) - low <= 1.5 * saved for (at, low), _ in found):
                fail(f"Run again here with a `currency(code)` that hands out a fresh Currency each call, the lower of "
                     f"the two ledger peaks your program printed did not grow by about what 50,000 records take "
                     f"({saved:,} bytes here): its transactions do not hold the records `currency` returned. Keep "
                     "the shared `Currency` itself in each transaction.")
        # The two ledgers' peaks answer a change in the number of
        # transactions alike: both grow where the program asks range(50_000)
        # for its transactions, neither where it counts them some other way.
        # A figure of other work that happens to differ from one of them by
        # as much does not grow with it.
        run = more_transactions(p)
        if run is None:
            (_, low), (_, high) = found[0]
            return f"{high:,.0f} against {low:,.0f} bytes."
        again = dict(figures_by_place(p.sizes(lines=run.lines, where=True)))

        def grew(at, value):
            return again.get(at, 0) > 1.1 * value

        def kept(at, value):
            return abs(again.get(at, 0) - value) <= 0.03 * value  # Pyodide's peaks move by 1 % from run to run

        for (at, low), (at_high, high) in found:
            if (grew(at, low) and grew(at_high, high)) or (kept(at, low) and kept(at_high, high)):
                return f"{high:,.0f} against {low:,.0f} bytes."
        (at, low), (at_high, high) = found[0]
        fail(f"Your program printed {high:,.0f} and {low:,.0f} bytes, which differ by about what 50,000 Currency "
             f"records take ({saved:,} bytes here), but run again here with {MORE:,} transactions where it asks "
             f"for 50,000, only one of them grew ({again.get(at_high, 0):,.0f} and {again.get(at, 0):,.0f}): "
             "they are not the two ledgers' peaks. Trace 50,000 transactions that each build their own "
             "`Currency`, then 50,000 whose records all come from `currency(code)`, and print both peaks.")
    if pairs(figures_by_place(p.sizes(where=True))):
        fail(f"50,000 Currency records of your own take about {saved:,} bytes here, and two figures your program "
             "printed differ by that, but they are not peaks its own tracemalloc returned: print the peaks "
             "`tracemalloc.get_traced_memory()[1]` gave for the two ledgers of 50,000 transactions, not numbers "
             "typed in, scaled from a smaller ledger or added up from `sys.getsizeof`.")
    fail(f"50,000 Currency records of your own take about {saved:,} bytes here, so 50,000 transactions that "
         f"each build their own should peak about that much above 50,000 that share the four records; no two "
         "figures your program printed differ by that. Trace the two ledgers one at a time and print both peaks.")


MORE = 60_000  # the transactions of the re-run below, where the program asks for range(50_000)


def unshared(real):
    """The program's `currency`, handing out a fresh copy of the shared record at each call."""
    def currency(*args, **kwargs):
        shared = real(*args, **kwargs)
        try:
            return dataclasses.replace(shared)
        except TypeError:
            return shared
    return currency


def figures_by_place(sizes, only=None):
    """[((line, n), bytes)]: the first reading of the n-th figure on each printed line, from p.sizes(where=True),
    so that a line's figures pair with a re-run's however many digits each has; with `only` (another
    p.sizes(where=True), the measured figures), those of its figures only."""
    first = {}
    for (line, column), value in sizes:
        first.setdefault((line, column), value)
    kept = None if only is None else {place for place, _ in only}
    ordinal, found = {}, []
    for (line, column), value in sorted(first.items()):
        ordinal[line] = ordinal.get(line, -1) + 1
        if kept is None or (line, column) in kept:
            found.append(((line, ordinal[line]), value))
    return found


def more_transactions(p):
    """The program run again with `range(50_000)` giving MORE transactions; None when it never asks for
    range(50_000)."""
    if "more" not in MEMO:
        asked = []

        def more(*args):
            if args == (M,):
                asked.append(True)
                args = (MORE,)
            return range(*args)

        run = p.rerun("more transactions", names={"range": more})
        MEMO["more"] = run if asked else None
    return MEMO["more"]


def ledger_records(p):
    """What 50,000 Currency records of the program's own take, measured here:
    a list of 50,000 fresh copies (`dataclasses.replace`) of the shared
    EUR record, against a list of the shared one."""
    if "ledger" not in MEMO:
        currency = p.get("currency", callable)
        shared = currency("EUR")
        if not dataclasses.is_dataclass(shared):
            fail("`currency(\"EUR\")` should return a frozen `Currency` dataclass record.")
        own = p.peak("50,000 Currency records of their own", lambda: [dataclasses.replace(shared) for _ in range(M)])
        kept = p.peak("50,000 shared Currency records", lambda: [shared for _ in range(M)])
        MEMO["ledger"] = own - kept
    return MEMO["ledger"]


# What a printed frozen-record error says.
FROZEN_ERROR = re.compile(r"(?i)FrozenInstanceError|cannot assign to field|frozen")


@check("the program tries to change a shared currency's symbol and prints the error", step=5)
def _(p):
    p.printed(FROZEN_ERROR.pattern,
              "Step 5 asks you to try to change a shared currency's `symbol` and print the error; no "
              "printed line shows it (catch `dataclasses.FrozenInstanceError as error` and print it).")
    if p.calls("dataclasses.FrozenInstanceError").program_count == 0:
        fail("Your program printed a frozen-record error, but no change it tried raised one while it ran: "
             "assign to the `symbol` of a currency `currency(code)` returned, catch the "
             "`dataclasses.FrozenInstanceError` and print it, rather than printing the words yourself.")
    # The error printed is the one the change raised: run again with frozen
    # dataclasses that accept a change, fewer lines may show it.
    run = run_heavy_shared_thawed(p)
    if run is None or not MEMO["thawed"]:
        return
    if len(FROZEN_ERROR.findall(run.text)) >= len(FROZEN_ERROR.findall(p.stdout)):
        fail("Run again here with a `Currency` that accepts a new `symbol` (not frozen), your program still "
             "printed the frozen-record error: print the error your change of a shared currency's `symbol` "
             "raised (`except dataclasses.FrozenInstanceError as error: print(error)`), not one made or typed "
             "by hand.")
    # The currency changed is a shared one: run again with `currency(code)`
    # handing out records that accept a change (a `Currency(...)` made
    # afresh stays frozen), the error no longer comes.
    shared = p.rerun("shared currencies thawed", "currency", thawed_currency)
    if shared is not None and len(FROZEN_ERROR.findall(shared.text)) >= len(FROZEN_ERROR.findall(p.stdout)):
        fail("Run again here with `currency(code)` handing out records that accept a new `symbol` (a "
             "`Currency(...)` made afresh stays frozen), your program still printed the frozen-record error: "
             "the currency it tried to change is not one `currency(code)` shares. Change the `symbol` of a "
             "currency `currency(code)` returned.")


def thawed_currency(real):
    """`currency` handing out, for each code, one twin of the record it
    returns whose fields accept a change (a subclass with object's
    `__setattr__` and `__delattr__`)."""
    twins = {}

    def currency(code, *args, **kwargs):
        found = real(code, *args, **kwargs)
        if not dataclasses.is_dataclass(found) or isinstance(found, type):
            return found
        if code not in twins:
            kind = found.__class__
            thawed = type(kind.__name__, (kind,), {"__setattr__": object.__setattr__,
                                                   "__delattr__": object.__delattr__})
            twin = object.__new__(thawed)
            for field in dataclasses.fields(found):
                object.__setattr__(twin, field.name, getattr(found, field.name))
            twins[code] = twin
        return twins[code]
    return currency


@check("the last line says whether palette indices < shared colours < a colour per pixel, as measured", step=6)
def _(p):
    said = p.conclusion(PHRASE, f"{PHRASE}: True")
    own, shared, indexed, _ = image_peaks(p)
    if said != (indexed < shared < own):
        fail(f"Your program concludes {said}, but measured here the images peak at {indexed:,} bytes "
             f"(palette indices), {shared:,} (shared colours) and {own:,} (a Colour per pixel). "
             "Print `indexed_peak < shared_peak < own_peak`.")
    if not re.search(r"(?i)palette\W+indices\W.*\bpixel\b", p.last_line):
        fail(f"End with the line \"{PHRASE}: True\" (or False): it is the last line the task asks for.")


def holding(real, ballast_bytes):
    """`real` holding `ballast_bytes` more while it runs."""
    def heavier(*args, **kwargs):
        ballast = bytearray(ballast_bytes)
        built = real(*args, **kwargs)
        del ballast
        return built
    return heavier


def thawing(real):
    """dataclasses.dataclass, but a frozen class it makes accepts a change of
    a field (its `__setattr__` and `__delattr__` removed; its hash kept). The
    names of the classes it thawed go into MEMO["thawed"]."""
    def dataclass(cls=None, /, **kwargs):
        def make(cls):
            made = real(cls, **kwargs)
            params = getattr(made, "__dataclass_params__", None)
            if params is not None and params.frozen:
                for name in ("__setattr__", "__delattr__"):
                    if name in vars(made):
                        delattr(made, name)
                MEMO["thawed"].append(made.__name__)
            return made
        return make if cls is None else make(cls)
    return dataclass


def run_heavy_shared_thawed(p):
    """The program run again with its `pixels_shared` holding BALLAST bytes
    while it builds (measured, the shared image then peaks above the image
    with a Colour per pixel, and the palette image stays the lightest: an
    honest chained comparison says False) and a `dataclasses` whose frozen
    classes accept a change of a field (thawing: no error to print). What it
    printed (a Rerun), or None without a top-level `pixels_shared`; MEMO
    then says how often its `pixels_shared` ran and which classes thawed."""
    if "heavy shared" not in MEMO:
        MEMO["thawed"], calls = [], []

        def heavier(real):
            held = holding(real, BALLAST)

            def pixels_shared(*args, **kwargs):
                calls.append(True)
                return held(*args, **kwargs)
            return pixels_shared

        MEMO["heavy shared"] = p.rerun("heavy shared, thawed", "pixels_shared", heavier,
                                       modules={"dataclasses": {"dataclass": thawing}})
        MEMO["shared calls"] = len(calls)
    return MEMO["heavy shared"]


def run_with_heavy_images(p):
    """The program run again with its `pixels_indexed` holding 2 x BALLAST
    bytes while it builds, and (when they are defined before it, as in the
    starter) its `pixels_with_objects` BALLAST and its `pixels_shared`
    BALLAST / 2: measured, the palette image then peaks above the other
    two, so an honest last line says False, and every image's peak, and
    so its bytes per pixel, moves by a known amount. None without a
    top-level `pixels_indexed`."""
    def heavier(real):
        space = getattr(real, "__globals__", {})
        for name, ballast_bytes in (("pixels_with_objects", BALLAST), ("pixels_shared", BALLAST // 2)):
            if callable(space.get(name)):
                space[name] = holding(space[name], ballast_bytes)
        return holding(real, 2 * BALLAST)

    return p.rerun("heavy images", "pixels_indexed", heavier)


_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d.]|,\d)")


def numbers_within(line, low, high):
    """How many numbers printed in `line` lie between low and high."""
    return sum(low <= float(m.group(1).replace(",", "") + (m.group(2) or "")) <= high
               for m in _NUMBER.finditer(line))


@check("the last line is the program's own comparison: run again with a `pixels_indexed` that holds 32 MB more while it builds, it says False", step=6)
def _(p):
    run = run_with_heavy_images(p)
    if run is None:
        fail("Your program defines no function `pixels_indexed` at the top level.")
    said = run.said(PHRASE)
    if said is None:
        fail(f"Run again here with a `pixels_indexed` that holds 32 MB more while it builds, your program did not "
             f"print \"{PHRASE}: ...\"" + (f" (it stopped with {run.raised})." if run.raised else "."))
    if said:
        fail("Run again here with a `pixels_indexed` that holds 32 MB more while it builds (so its image peaks "
             "above the other two), your program still ended with True: print the chained comparison of the "
             "three peaks it measured, `indexed_peak < shared_peak < own_peak`, not a typed True.")


@check("the last line compares all three peaks: run again with a `pixels_shared` that holds 16 MB more while it builds, it says False", step=6)
def _(p):
    # The palette image stays the lightest while the shared one turns the
    # heaviest: `indexed < shared` holds, `shared < own` does not, and so the
    # chained comparison is False where a part of it is still True.
    run = run_heavy_shared_thawed(p)
    if run is None:
        fail("Your program defines no function `pixels_shared` at the top level.")
    if MEMO["shared calls"] and run.said(PHRASE):
        fail("Run again here with a `pixels_shared` that holds 16 MB more while it builds (so the shared image "
             "peaks above the image with a Colour per pixel, while the palette image stays the lightest), your "
             "program still ended with True: print the whole chained comparison of the three peaks it measured, "
             "`indexed_peak < shared_peak < own_peak`, not a part of it.")


@check("the last line compares the palette image with the shared one too: run again with a `pixels_indexed` that peaks between the other two, it says False", step=6)
def _(p):
    # The palette image made heavier than the shared one but lighter than a
    # Colour per pixel: `indexed < own` and `shared < own` still hold, the
    # chain does not.
    own, shared, indexed, _ = image_peaks(p)
    extra = max(int((shared + own) / 2 - indexed), 0)
    run = p.rerun(("indexed between", extra), "pixels_indexed", lambda real: holding(real, extra))
    if run is None:
        fail("Your program defines no function `pixels_indexed` at the top level.")
    if run.said(PHRASE):
        fail(f"Run again here with a `pixels_indexed` that holds {extra:,} bytes more while it builds (so the "
             "palette image peaks above the shared one but below the image with a Colour per pixel), your "
             "program still ended with True: print the whole chained comparison of the three peaks it "
             "measured, `indexed_peak < shared_peak < own_peak`, not a part of it.")


@check("a figure per pixel printed beside an image's peak is worked out from that peak: run again with images that hold more, it moves", step=4)
def _(p):
    # The task asks for the peaks only; a program that also prints an image's
    # bytes per pixel beside its peak (as the reference does) must work it out
    # from that peak, not type it: re-run with each image holding a known
    # number of bytes more while it builds, a line that printed an image's peak
    # and changed may not keep its figure per pixel.
    own, shared, indexed, cache = image_peaks(p)
    images = (("a new Colour per pixel", own * 0.9, own * 1.1, own / N, own / N),
              ("shared colours", shared * 0.9, (shared + cache) * 1.15, shared / N, (shared + cache) / N),
              ("palette indices", indexed * 0.9, (indexed + cache) * 1.15, indexed / N, indexed / N))
    beside = []  # (line index, what, per-pixel low, high)
    for index, line in enumerate(p.lines):
        if line.startswith("timing:"):
            continue  # its microseconds can land in a peak's window, and "best of 5" in a figure per pixel's
        sizes = p.sizes(lines=[line])
        for what, low, high, least, most in images:
            if any(low <= size <= high for size in sizes) and numbers_within(line, least * 0.97, most * 1.03):
                beside.append((index, what, least * 0.97, most * 1.03))
    if not beside:
        return "No figure per pixel printed beside an image's peak."
    run = run_with_heavy_images(p)
    if run is None:
        fail("Your program defines no function `pixels_indexed` at the top level.")
    for index, what, low, high in beside:
        before = p.lines[index]
        after = run.lines[index] if index < len(run.lines) else ""
        if before != after and numbers_within(after, low, high) >= numbers_within(before, low, high):
            fail(f"Your program printed \"{_shorten(before)}\". Run again here with images that hold megabytes "
                 f"more while they build, that line changed, but its figure near {(low + high) / 2:,.1f} bytes per "
                 f"pixel (the image with {what}) did not. Work a figure per pixel out from the peak you measured "
                 "(`peak / n`), not type it in.")


def shared_objects(p):
    """How many Colour objects `pixels_shared(100_000)` holds, counted here once."""
    if "shared objects" not in MEMO:
        MEMO["shared objects"] = len({id(colour) for colour in p.get("pixels_shared", callable)(N)})
    return MEMO["shared objects"]


def with_fewer_colours(real):
    """colour_code with the green level always 0: the images use 256 colours, not 4,096."""
    def colour_code(*args, **kwargs):
        return real(*args, **kwargs) & 0xF0F
    return colour_code


@check("a count of the shared image's objects, where the program prints one beside its peak, is what it counted: run again with fewer colours, it moves", step=4)
def _(p):
    # The task asks for the peaks; a program that also prints, beside the
    # shared image's peak, how many Colour objects that image holds (as the
    # reference does) must count them: run again with a `colour_code` that
    # leaves the green level at 0 (256 colours), the shared image holds 256.
    own, shared, indexed, cache = image_peaks(p)
    objects = shared_objects(p)
    windows = {"own": (own * 0.9, own * 1.1), "indexed": (indexed * 0.9, (indexed + cache) * 1.15)}
    low, high = shared * 0.9, (shared + cache) * 1.15
    lines = []
    for index, line in enumerate(p.lines):
        if line.startswith("timing:"):
            continue
        sizes = p.sizes(lines=[line])
        if (any(low <= size <= high for size in sizes) and numbers_within(line, objects, objects)
                and not any(a <= size <= b for size in sizes for a, b in windows.values())):
            lines.append(index)
    if not lines:
        return "No count of the shared image's objects printed beside its peak."
    run = run_fewer_colours_wide_codes(p)
    if run is None:
        fail("Your program no longer defines the given `colour_code`; keep it as the starter gives it.")
    for index in lines:
        after = run.lines[index] if index < len(run.lines) else ""
        if numbers_within(after, objects, objects) >= numbers_within(p.lines[index], objects, objects):
            fail(f"Your program printed \"{_shorten(p.lines[index])}\". Run again here with a `colour_code` that "
                 f"uses only 256 colours, that line still says {objects:,}, the objects of the shared image of "
                 "4,096 colours: count the objects the image holds (`len({id(c) for c in pixels})`), not type "
                 "the number in.")


# A figure in bytes as a program prints it: the number and its unit.
BYTE_FIGURE = re.compile(r"(?<![\w.,])(\d+)\s*(?:bytes?|B)\b")


def with_wide_codes(real):
    """The array class with 'H' made 'I': an array('H') then holds four-byte items."""
    class array(real):
        def __new__(cls, typecode, *args):
            return real.__new__(cls, "I" if typecode == "H" else typecode, *args)
    return array


def run_fewer_colours_wide_codes(p):
    """The program run again with its `colour_code` using 256 colours
    (with_fewer_colours) and an `array` whose 'H' items are four bytes wide
    (with_wide_codes): one run for the two checks that read it, each of
    which looks at what only its own change moves. None without a top-level
    `colour_code`."""
    return p.rerun("fewer colours, wide codes", "colour_code", with_fewer_colours,
                   modules={"array": {"array": with_wide_codes}})


@check("an array item's size, where the program prints one, is what the array says: run again with four-byte codes, it moves", step=3)
def _(p):
    # The task asks for no such line; one printed (as the reference does: an
    # array('H') item's bytes) must say what the array states (`itemsize`) or
    # what a measurement gave, not a number typed in. BYTES_RULE lets a round
    # size such as "2 bytes" through, so such a figure that no measurement
    # returned is read here: run again with an `array` whose 'H' items are
    # four bytes wide, it must say 4.
    item = array("H").itemsize
    spots = [index for index, line in enumerate(p.lines)
             if any(int(m.group(1)) == item and not p.measured(m) for m in BYTE_FIGURE.finditer(line))]
    if not spots:
        return "No array item's size printed, or only measured ones."
    run = run_fewer_colours_wide_codes(p)
    if run is None:
        fail("Your program no longer defines the given `colour_code`; keep it as the starter gives it.")

    def typed(line):
        return sum(int(m.group(1)) == item for m in BYTE_FIGURE.finditer(line))

    for index in spots:
        after = run.lines[index] if index < len(run.lines) else ""
        if after and typed(after) >= typed(p.lines[index]):
            fail(f"Your program printed \"{_shorten(p.lines[index])}\". Run again here with an `array('H')` whose "
                 f"items are four bytes wide, that line still says {item} bytes: print the size the array states "
                 "(`codes.itemsize`), not the number.")


def _shorten(text, limit=120):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


@check("a timing line, when the program prints one, timed `pixels_indexed` really running", step=3)
def _(p):
    # The task asks for no timing line; one printed (as the reference does, for
    # the page's Rust comparison of the palette image) must time work done:
    # not an empty loop, not nothing (inf).
    def prepare():
        pixels_indexed = p.get("pixels_indexed", callable)
        return lambda: pixels_indexed(N)
    p.require_real_timing(prepare, "`pixels_indexed(100_000)`")
