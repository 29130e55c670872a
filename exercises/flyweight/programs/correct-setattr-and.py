# correct: written from the task alone, another way: Currency and its cache defined before the images, a class-level cache in shared_colour, peaks taken in a context manager, the change tried with setattr on a transaction's currency and caught as AttributeError after a heading that says "frozen", the chain written out with `and`
import dataclasses
import tracemalloc
from array import array
from dataclasses import dataclass


@dataclass(frozen=True)
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


def currency(code, _pool={}):
    try:
        return _pool[code]
    except KeyError:
        made = _pool[code] = Currency(*CURRENCY_FIELDS[code])
        return made


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


class Palette:
    colours = {}


def shared_colour(r, g, b):
    key = (r, g, b)
    if key not in Palette.colours:
        Palette.colours[key] = Colour(r, g, b)
    return Palette.colours[key]


def pixels_shared(n):
    return [shared_colour(*channels(colour_code(i))) for i in range(n)]


def pixels_indexed(n):
    palette = [Colour(*channels(code)) for code in range(4096)]
    codes = array("H")
    codes.extend(map(colour_code, range(n)))
    return palette, codes


class Traced:
    def __enter__(self):
        tracemalloc.start()
        return self

    def __exit__(self, *exc):
        self.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


with Traced() as fresh:
    image = pixels_with_objects(100_000)
del image
Palette.colours.clear()
with Traced() as pooled:
    image = pixels_shared(100_000)
del image
with Traced() as indexed:
    image = pixels_indexed(100_000)
del image
print("image of 100,000 pixels, peak bytes:")
print("  a Colour per pixel ", fresh.peak)
print("  shared Colours     ", pooled.peak)
print("  palette + indices  ", indexed.peak)

with Traced() as copies:
    ledger = [(cents, Currency(*CURRENCY_FIELDS[code])) for cents, code in
              zip(range(50_000), ["EUR", "USD", "JPY", "CHF"] * 12_500)]
del ledger
with Traced() as sharing:
    ledger = [(cents, currency(code)) for cents, code in zip(range(50_000), ["EUR", "USD", "JPY", "CHF"] * 12_500)]
print(f"ledger of 50,000: {copies.peak} bytes with copies, {sharing.peak} bytes sharing")

print("a shared currency is frozen; trying to change its symbol:")
try:
    setattr(ledger[1][1], "symbol", "US$")
except AttributeError as problem:
    print("  ", type(problem).__name__, "-", problem)

chain = indexed.peak < pooled.peak and pooled.peak < fresh.peak
print("palette indices < shared colours < a colour per pixel:", chain)
