# wrong: throwaway step: no change of a shared currency is tried; the frozen error is printed from typed words
# fails: the program tries to change a shared currency's symbol and prints the error
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

class ColourStore(dict):
    def __missing__(self, key):
        made = self[key] = Colour(*key)
        return made

STORE = ColourStore()

def shared_colour(r, g, b):
    return STORE[r, g, b]

def pixels_shared(n):
    out = []
    for i in range(n):
        out.append(shared_colour(*channels(colour_code(i))))
    return out

def pixels_indexed(n):
    palette = []
    for code in range(4096):
        palette.append(shared_colour(*channels(code)))
    codes = array('H', (colour_code(i) for i in range(n)))
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

SHARED_CURRENCIES = {}

def currency(code):
    if code not in SHARED_CURRENCIES:
        SHARED_CURRENCIES[code] = Currency(*CURRENCY_FIELDS[code])
    return SHARED_CURRENCIES[code]

def peak_of(build, *args):
    tracemalloc.start()
    kept = build(*args)
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return top

N = 100_000
STORE.clear()
own = peak_of(pixels_with_objects, N)
shared = peak_of(pixels_shared, N)
indexed = peak_of(pixels_indexed, N)
print(f"one Colour per pixel: {own} bytes")
print(f"shared Colours:       {shared} bytes")
print(f"palette + codes:      {indexed} bytes")

CODES = list(CURRENCY_FIELDS)

def ledger_own(n):
    return [(k, Currency(*CURRENCY_FIELDS[CODES[k % 4]])) for k in range(n)]

def ledger_shared(n):
    return [(k, currency(CODES[k % 4])) for k in range(n)]

print(f"50,000 transactions, own Currency each: {peak_of(ledger_own, 50_000)} bytes")
print(f"50,000 transactions, shared Currency:   {peak_of(ledger_shared, 50_000)} bytes")

euro = currency("EUR")
print("cannot change a shared currency: cannot assign to field 'symbol'")

print("palette indices < shared colours < a colour per pixel:", indexed < shared < own)
