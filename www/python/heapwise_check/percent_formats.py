"""The `%` formats the program's source writes, seen as they format
(provenance.py).

`%d` and `%f` format a number without calling any of its methods, so a
measured value formatted with `%` records nothing by itself, where an
f-string or `format()` of it does. Before the program runs, `mark_formats`
makes every string constant of its code that is a `%` format of a number
(`"%d bytes"`, `"%-9s %8.1f KiB"`, `"%(peak)d"`) an instance of `Format`:
a `str` in every way but one method (its type's name and repr say `str`,
it compares, hashes and prints as the constant does). Its `%` returns
exactly the text `str`'s does and raises exactly what `str`'s raises;
while the program runs, it then records the text of each marked value
among what it was given, in that value's conversion, as an f-string of the
value would (provenance._record and its kinds). So a row formatted with
`%` and written later (`rows.append("%d" % peak)`, then
`sys.stdout.write(row)`), or formatted by a helper, counts where it is
written, and a number typed in (`"%d" % 8056`) never does.

What it cannot see, and percent_operands.py still reads (the operands of
a `%` on the line that writes, read again in its frame): a format string
the program builds at run time (`"%" + str(width) + "d"`), and a marked
value passed through `float()` or `int()` first, which Python makes a
plain number before `%` is given it (`"%.2f" % (float(deep) / shallow)`).
The one difference a program could notice: `type(fmt) is str` is False
for such a constant (`isinstance` holds).

Importing this module is part of the harness's past in every run, plain
ones too: with it, seven reference programs' plain figures moved by 120
to 392 bytes (CPython 3.11.7), as any module the harness gains moves them
(README, "The plain run still is not a desktop's").

Cost: one call of a method written in Python per `%` of such a constant.
Nothing is allocated unless a marked value is among the operands (the
conversions of each constant are read once, before the run).
"""
import re

from .derived import DerivedFloat, DerivedInt
from .measured import MeasuredFloat, MeasuredInt, PeakFloat, PeakInt, TracedFloat, TracedInt
from .provenance import _STATE, _LooksPlain, _record, _record_derived, _record_peak, _record_traced

# One conversion of a `%` format, as str's `%` reads it.
_CONVERSION = re.compile(r"%(?:\((?P<key>[^)]*)\))?(?P<flags>[-+ #0]*)(?P<width>\*|\d+)?"
                         r"(?:\.(?P<precision>\*|\d*))?[hlL]?(?P<kind>[diouxXeEfFgGcrsa%])")
# A constant worth marking: it formats a number.
_NUMBER_FORMAT = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d*))?[hlL]?[diufFgG]")
_NUMBER_KINDS = frozenset("diufFgG")

# How a marked value's text is recorded, and what it is, by its class
# (compared by identity: a program's metaclass could define __hash__).
_KINDS = ((MeasuredInt, _record, int), (MeasuredFloat, _record, float), (TracedInt, _record_traced, int),
          (TracedFloat, _record_traced, float), (PeakInt, _record_peak, int), (PeakFloat, _record_peak, float),
          (DerivedInt, _record_derived, int), (DerivedFloat, _record_derived, float))

# Each Format's conversions, by its text: (key or None, spec or None, the
# operands its `*`s take), read once by mark_formats.
_CONVERSIONS = {}
_str_mod = str.__mod__


class Format(str, metaclass=_LooksPlain):
    """A `%` format constant of the program (see the module's docstring)."""

    __slots__ = ()

    def __mod__(self, values):
        text = _str_mod(self, values)
        if _STATE.recording:
            _record_operands(self, values)
        return text

    def __reduce_ex__(self, protocol):
        return (str, (str.__str__(self),))


Format.__name__ = Format.__qualname__ = "str"


def _record_operands(fmt, values):
    """Records the text of each marked value among `values`, as its own
    conversion in `fmt` made it (nothing is allocated for the others)."""
    conversions = _CONVERSIONS.get(fmt)
    if not conversions:
        return
    if values.__class__ is dict:  # "%(peak)d" % {"peak": peak}
        for key, spec, _stars in conversions:
            if key is not None and key in values:
                _record_one(spec, values[key])
    elif not isinstance(values, tuple):  # one operand: the first conversion's
        key, spec, stars = conversions[0]
        if not stars:
            _record_one(spec, values)
    else:
        at, count = 0, tuple.__len__(values)
        for _key, spec, stars in conversions:
            at += stars
            if at >= count:
                return
            _record_one(spec, tuple.__getitem__(values, at))
            at += 1


def _record_one(spec, value):
    if spec is None:
        return
    cls = value.__class__
    for kind, recorder, plain in _KINDS:
        if cls is kind:
            number = int.__index__(value) if plain is int else float.__float__(value)
            recorder(_str_mod(spec, number).strip())
            return


def _conversions(text):
    """(key, spec, stars) for each conversion of `text`: the spec as
    a format of one number with no `*` ("%8.1f"), None where the conversion
    is not a number's or has a `*`; `stars`, the operands its `*`s take."""
    found = []
    for match in _CONVERSION.finditer(text):
        kind = match.group("kind")
        if kind == "%":
            continue
        width, precision = match.group("width"), match.group("precision")
        stars = (width == "*") + (precision == "*")
        spec = None
        if kind in _NUMBER_KINDS and not stars:
            spec = "%" + match.group("flags") + (width or "") + (
                "." + precision if precision is not None else "") + kind
        found.append((match.group("key"), spec, stars))
    return tuple(found)


def mark_program(code):
    """The program's compiled `code` with its `%` format constants made
    Formats (mark_formats); the conversions of an earlier program's are
    forgotten."""
    _CONVERSIONS.clear()
    return mark_formats(code)


def mark_formats(code):
    """`code` with every string constant that formats a number with `%`
    made a Format, in its nested code objects too."""
    consts = code.co_consts
    changed = []
    for value in consts:
        if value.__class__ is str and "%" in value and _NUMBER_FORMAT.search(value):
            marked = Format(value)
            _CONVERSIONS[marked] = _conversions(value)
            changed.append(marked)
        elif isinstance(value, type(code)):
            changed.append(mark_formats(value))
        else:
            changed.append(value)
    if all(new is old for new, old in zip(changed, consts)):
        return code
    return code.replace(co_consts=tuple(changed))
