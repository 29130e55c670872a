"""Checks for flyweight: shared_colour hands out one object per colour,
pixels_shared and pixels_indexed hold the same image as pixels_with_objects
in far less memory, and currency() shares one frozen record per code."""
import dataclasses

from heapwise_check import check, fail


def expected_pixels(p, n):
    """The image as one new Colour per pixel, built here with the program's
    own Colour, colour_code and channels."""
    colour = p.get("Colour", type)
    colour_code, channels = p.get("colour_code", callable), p.get("channels", callable)
    return [colour(*channels(colour_code(i))) for i in range(n)]


@check("shared_colour(r, g, b) returns one shared Colour per colour")
def _(p):
    shared_colour, colour = p.get("shared_colour", callable), p.get("Colour", type)
    red, again, green = shared_colour(255, 0, 0), shared_colour(255, 0, 0), shared_colour(0, 255, 0)
    if red != colour(255, 0, 0) or green != colour(0, 255, 0):
        fail(f"`shared_colour(255, 0, 0)` gave {red!r} and `shared_colour(0, 255, 0)` gave {green!r}: "
             "each should be a Colour with those channels.")
    if red is not again:
        fail("Two calls `shared_colour(255, 0, 0)` returned two different objects. Keep the first one "
             "in a dict keyed by `(r, g, b)` and return it on every later call.")
    if red is green:
        fail("`shared_colour` returned the same object for two different colours.")


@check("pixels_shared(n) holds every pixel's colour, one object per distinct colour")
def _(p):
    pixels_shared = p.get("pixels_shared", callable)
    want = expected_pixels(p, 5_000)
    got = pixels_shared(5_000)
    if list(got) != want:
        fail("`pixels_shared(5_000)` does not hold the colours of `pixels_with_objects(5_000)`, "
             "pixel for pixel.")
    objects = len({id(colour) for colour in got})
    distinct = len(set(want))
    if objects != distinct:
        fail(f"`pixels_shared(5_000)` holds {objects:,} Colour objects for {distinct:,} distinct colours: "
             "equal pixels should share one object (use `shared_colour`).")


@check("shared colours use far less memory than a new Colour per pixel (measured here)")
def _(p):
    pixels_shared = p.get("pixels_shared", callable)
    n = 40_000
    own = p.peak(f"{n:,} pixels, a new Colour each", lambda: expected_pixels(p, n))
    shared = p.peak(f"{n:,} pixels, shared colours", lambda: pixels_shared(n))
    if shared * 2 > own:
        fail(f"Measured here, {n:,} pixels with shared colours peaked at {shared:,} bytes against "
             f"{own:,} with a new Colour each: sharing should at least halve it. Does `pixels_shared` "
             "build a Colour per pixel somewhere?")
    return f"{shared:,} bytes shared, {own:,} bytes with a Colour per pixel."


@check("pixels_indexed(n) returns a palette and a two-byte code per pixel")
def _(p):
    pixels_indexed = p.get("pixels_indexed", callable)
    want = expected_pixels(p, 5_000)
    palette, codes = pixels_indexed(5_000)
    if len(codes) != len(want) or any(palette[code] != colour for code, colour in zip(codes, want)):
        fail("`palette[codes[i]]` is not pixel i's colour for every pixel of `pixels_indexed(5_000)`.")
    smaller = p.peak("pixels_indexed(20,000)", lambda: pixels_indexed(20_000))
    larger = p.peak("pixels_indexed(40,000)", lambda: pixels_indexed(40_000))
    per_pixel = (larger - smaller) / 20_000
    if per_pixel > 3:
        fail(f"Measured here, each extra pixel cost {per_pixel:.1f} bytes in `pixels_indexed`: store "
             "the codes in an `array('H')` (two bytes each), not in a list of int objects.")
    return f"{per_pixel:.2f} bytes per extra pixel."


@check("currency(code) shares one frozen Currency per code")
def _(p):
    currency, fields = p.get("currency", callable), p.get("CURRENCY_FIELDS", dict)
    euro = currency("EUR")
    if dataclasses.astuple(euro) != tuple(fields["EUR"]):
        fail(f"`currency(\"EUR\")` gave {euro!r}, not the fields in `CURRENCY_FIELDS[\"EUR\"]`.")
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


@check("the program prints the error from changing a shared currency")
def _(p):
    p.printed(r"FrozenInstanceError|cannot assign to field",
              "Step 5 asks you to try to change a shared currency's `symbol` and print the error; no "
              "printed line shows it (catch `dataclasses.FrozenInstanceError as error`).")


@check("the last line says palette indices < shared colours < a colour per pixel: True")
def _(p):
    said = p.expect_last_line(r"palette indices < shared colours < a colour per pixel: (True|False)",
                              "palette indices < shared colours < a colour per pixel: True")
    if said.group(1) != "True":
        fail("Your program concluded False, but measured properly the palette is smallest and a "
             "Colour per pixel largest. Compare `indexed_peak < shared_peak < own_peak`.")
