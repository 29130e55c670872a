# wrong: the last line is `indexed < min(shared, per_pixel)`, not the chained comparison: shared < per pixel is never compared (step 6)
# fails: the last line compares all three peaks: run again with a `pixels_shared` that holds 16 MB more while it builds, it says False
import dataclasses
import tracemalloc
from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colour:
    r: int
    g: int
    b: int


def colour_code(i):
    return (i * 2654435761 >> 7) & 0xFFF


def channels(code):
    return (code >> 8) * 17, (code >> 4 & 15) * 17, (code & 15) * 17


def pixels_with_objects(n):
    return [Colour(*channels(colour_code(i))) for i in range(n)]


_made_colours = {}


def shared_colour(r, g, b):
    key = (r, g, b)
    found = _made_colours.get(key)
    if found is None:
        found = Colour(r, g, b)
        _made_colours[key] = found
    return found


def pixels_shared(n):
    return [shared_colour(*channels(colour_code(i))) for i in range(n)]


def pixels_indexed(n):
    palette = [Colour(*channels(code)) for code in range(4096)]
    codes = array("H", (colour_code(i) for i in range(n)))
    return palette, codes


@dataclass(frozen=True, slots=True)
class Currency:
    code: str
    name: str
    symbol: str
    decimals: int


CURRENCY_FIELDS = {
    "EUR": ("EUR", "euro", "€", 2),
    "USD": ("USD", "US dollar", "$", 2),
    "JPY": ("JPY", "yen", "¥", 0),
    "CHF": ("CHF", "Swiss franc", "CHF", 2),
}

_currencies = {}


def currency(code):
    if code not in _currencies:
        _currencies[code] = Currency(*CURRENCY_FIELDS[code])
    return _currencies[code]


def peak_during(fn):
    tracemalloc.start()
    out = fn()
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, top


PIXELS = 100_000
_, per_pixel = peak_during(lambda: pixels_with_objects(PIXELS))
_made_colours.clear()
_, shared = peak_during(lambda: pixels_shared(PIXELS))
(pal, codes), indexed = peak_during(lambda: pixels_indexed(PIXELS))
assert all(pal[codes[i]] == Colour(*channels(colour_code(i))) for i in range(0, PIXELS, 997))
print(f"one Colour per pixel: {per_pixel:,} bytes at peak")
print(f"shared Colours:       {shared:,} bytes at peak")
print(f"palette + codes:      {indexed:,} bytes at peak")

KEYS = list(CURRENCY_FIELDS)
_, own = peak_during(lambda: [(t, Currency(*CURRENCY_FIELDS[KEYS[t % 4]])) for t in range(50_000)])
_currencies.clear()
_, pooled = peak_during(lambda: [(t, currency(KEYS[t % 4])) for t in range(50_000)])
print(f"50,000 transactions: own Currency each {own:,} B, shared Currency {pooled:,} B")
try:
    currency("EUR").symbol = "E"
except dataclasses.FrozenInstanceError as err:
    print("changing a shared currency fails:", repr(err))

print(f"palette indices < shared colours < a colour per pixel: {indexed < min(shared, per_pixel)}")
