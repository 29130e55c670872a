# wrong: the 'shared' ledger calls currency() but each transaction keeps only the code string it returns, so the traced ledger holds no Currency at all rather than 50,000 references to shared ones
# fails: the program traces 50,000 transactions with their own Currency and 50,000 sharing them, and prints both peaks
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
    # Pixel i's colour as a number from 0 to 4,095
    return (i * 2654435761 >> 7) & 0xFFF

def channels(code):
    return (code >> 8) * 17, (code >> 4 & 15) * 17, (code & 15) * 17

def pixels_with_objects(n):
    return [Colour(*channels(colour_code(i))) for i in range(n)]

_colours = {}

def shared_colour(r, g, b):
    key = (r, g, b)
    found = _colours.get(key)
    if found is None:
        found = _colours[key] = Colour(r, g, b)
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

def traced(work):
    mine = not tracemalloc.is_tracing()
    if mine:
        tracemalloc.start()
    tracemalloc.reset_peak()
    floor = tracemalloc.get_traced_memory()[0]
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1] - floor
    finally:
        if mine:
            tracemalloc.stop()

N = 100_000
image, per_pixel_peak = traced(lambda: pixels_with_objects(N))
print(f"a Colour per pixel: peak {per_pixel_peak:,} bytes ({per_pixel_peak / N:.1f} per pixel)")
del image

image, shared_peak = traced(lambda: pixels_shared(N))
holds = len({id(c) for c in image})
print(f"shared colours: peak {shared_peak:,} bytes ({shared_peak / N:.1f} per pixel), {holds:,} Colour objects")
del image

(palette, codes), indexed_peak = traced(lambda: pixels_indexed(N))
print(f"palette + codes: peak {indexed_peak:,} bytes ({indexed_peak / N:.1f} per pixel), "
      f"{codes.itemsize} bytes per code")
del palette, codes

CODES = list(CURRENCY_FIELDS)
T = 50_000

def ledger_own():
    return [(i, i * 7 % 10_000, Currency(*CURRENCY_FIELDS[CODES[i % 4]])) for i in range(T)]

def ledger_shared():
    return [(i, i * 7 % 10_000, currency(CODES[i % 4]).code) for i in range(T)]

ledger, own_peak = traced(ledger_own)
print(f"50,000 transactions, own Currency each: peak {own_peak:,} bytes")
del ledger
ledger, shared_ledger_peak = traced(ledger_shared)
print(f"50,000 transactions, shared Currency: peak {shared_ledger_peak:,} bytes")

euro = currency(ledger[0][2])
try:
    euro.symbol = "EUR"
except dataclasses.FrozenInstanceError as err:
    print(f"changing a shared currency's symbol: {type(err).__name__}: {err}")
del ledger

print("palette indices < shared colours < a colour per pixel: "
      f"{indexed_peak < shared_peak < per_pixel_peak}")
