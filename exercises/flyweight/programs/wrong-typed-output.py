# wrong: the reference's functions, but nothing is traced: every line is typed in from the recorded output
# fails: the program traces the three images of 100,000 pixels and prints their peaks
"""Heapwise reference program for flyweight (L-fit §6).

An image whose pixels take one of 4,096 colours, stored three ways: a new
Colour object per pixel, one shared Colour object per distinct colour
(handed out by a cache), and a two-byte palette index per pixel. Then the
same idea for records: transactions that share one frozen Currency each
instead of carrying their own copy.
"""
import dataclasses
import platform
import struct
import sys
import time
import tracemalloc
from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Colour:
    r: int
    g: int
    b: int


def colour_code(i):
    """The colour of pixel i as a number from 0 to 4,095: a fixed scramble
    of i, so neighbouring pixels differ and every colour turns up."""
    return (i * 2654435761 >> 7) & 0xFFF


def channels(code):
    """Red, green and blue of a colour code: 16 levels each, 0 to 255."""
    return (code >> 8) * 17, (code >> 4 & 15) * 17, (code & 15) * 17


_shared_colours = {}


def shared_colour(r, g, b):
    """The one Colour object for (r, g, b), created on first use."""
    key = (r, g, b)
    colour = _shared_colours.get(key)
    if colour is None:
        colour = _shared_colours[key] = Colour(r, g, b)
    return colour


def pixels_with_objects(n):
    return [Colour(*channels(colour_code(i))) for i in range(n)]


def pixels_shared(n):
    return [shared_colour(*channels(colour_code(i))) for i in range(n)]


def pixels_indexed(n):
    """A palette of every colour, and one two-byte palette index per pixel."""
    palette = [Colour(*channels(code)) for code in range(4096)]
    codes = array("H", map(colour_code, range(n)))
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
    """The one Currency record for `code`, created on first use."""
    found = _currencies.get(code)
    if found is None:
        found = _currencies[code] = Currency(*CURRENCY_FIELDS[code])
    return found


class Transaction:
    __slots__ = ("cents", "currency")

    def __init__(self, cents, currency):
        self.cents = cents
        self.currency = currency


CODES = list(CURRENCY_FIELDS)


def transactions_with_copies(n):
    return [Transaction(i * 7 % 10_000, Currency(*CURRENCY_FIELDS[CODES[i % 4]])) for i in range(n)]


def transactions_shared(n):
    return [Transaction(i * 7 % 10_000, currency(CODES[i % 4])) for i in range(n)]


def traced_peak(build):
    """Peak bytes traced while build() runs, and what it returned."""
    tracemalloc.start()
    built = build()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, built


def best_time_us(step, repeats=5, calls=1):
    """Microseconds per call of step(): the best of `repeats` timings of `calls` calls."""
    assert not tracemalloc.is_tracing(), "tracemalloc slows every allocation: time with it stopped"
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, time.perf_counter() - started)
    return best / calls * 1e6


print('Colour(255, 0, 0) == Colour(255, 0, 0): True')
print('Colour(255, 0, 0) is Colour(255, 0, 0): False')
print('shared_colour(255, 0, 0) is shared_colour(255, 0, 0): True')
print('sys.getsizeof(shared_colour(255, 0, 0)) == sys.getsizeof(Colour(255, 0, 0)): True')
print('one Colour object: 56 bytes')
print('100,000 pixels, a new Colour each: 6,401,292 bytes peak, 64.0 per pixel, 100,000 Colour objects')
print('100,000 pixels, shared Colours from a cache: 1,440,292 bytes peak, 14.4 per pixel, 4,096 Colour objects')
print("100,000 pixels, palette indices in array('H'): 466,888 bytes peak, 4.7 per pixel, palette of 4,096")
print('the three images hold the same colours: True')
print("a list slot (one pointer): 8 bytes; an array('H') item: 2 bytes")
print('50,000 transactions, a Currency copy each: 7,603,552 bytes peak')
print('50,000 transactions, 4 shared Currency records: 4,403,864 bytes peak')
print('one Currency record: 64 bytes; sharing saved 64.0 bytes per transaction')
print('ledger[0].currency is ledger[4].currency: True')
print("changing a shared Currency: FrozenInstanceError: cannot assign to field 'symbol'")
print('palette indices < shared colours < a colour per pixel: True')
