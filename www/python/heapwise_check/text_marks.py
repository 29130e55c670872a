"""Finding the marks in what the program wrote (provenance.py): which of
the texts made by formatting a marked value a write contains, and where
(`take_marks`, the stdout tee's part), and the `%`-formatted figures no
method of a marked value sees (`percent_marks`).
"""
import re
import sys

from .derived import DerivedFloat, DerivedInt
from .measured import MeasuredFloat, MeasuredInt, PeakFloat, PeakInt, TracedFloat, TracedInt
from .percent_operands import formats_with_percent, operand_values, typed_in_source
from .provenance import _FORMATTED, _RECENT, _STATE, _DerivedText, _PeakText, _TracedText


# A `%` format of a number in a line of source: "%d", "%8.1f" (measuring.install indexes a source that has one).
_PERCENT = re.compile(r"%[-+#0]*\d*(?:\.\d+)?[diuf]")
# A figure's text, bounded as a whole number.
_EDGE = "0123456789.,"


def percent_marks(text, start, marks, getframe=sys._getframe):
    """`%d` and `%f` format a marked value without any of its methods, so
    nothing is recorded. For a write made from a line of the program that
    formats with `%`, the marked values among what its `%` formats were
    given (read again in the writing frame: percent_operands.py), and in
    _RECENT, and on a module-level line among the module's names, are
    marked where their `%d`/`%.Nf` texts stand as whole numbers in `text`
    (not where a mark already is, nor where a number the statement typed
    stands). A write from a line that formats nothing with `%` is
    `_formatted_earlier`'s."""
    frame = getframe(2)
    program_file = _STATE.program_file
    # This write's marks so far, as (begin, end) pairs (a traced mark's end is kept as ~end, a peak's begin as ~begin).
    taken = [(_end(marks[i + 1]), _end(marks[i + 2])) for i in range(len(marks) - 3, -1, -3)
             if marks[i] == start or marks[i] == ~start]
    for _ in range(4):
        if frame is None or frame.f_code.co_filename == program_file:
            break
        frame = frame.f_back
    if frame is None or frame.f_code.co_filename != program_file:
        return []
    # What the line's `%` formats were given, read again in its frame
    # (percent_operands.py). Where some could not be read (a call of the
    # program's own function): the recent values measuring calls and
    # arithmetic on them made, and on a module-level line the module's
    # names, after them; of those, peaks first, then traced values, then
    # the rest: where two values print alike (a peak equal to the current
    # size), the text is the stronger one's.
    read = operand_values(frame)
    given, whole, typed = read if read is not None else ([], False, ())
    # A number the statement's source typed is no measurement, whatever
    # value shares its text: its first place as a whole number is taken
    # before any marked value is looked for.
    for value in typed:
        for made in _percent_texts(value, isinstance(value, int)):
            at = _place(text, made, 0, taken, True)
            if at >= 0:
                taken.append((at, at + len(made)))
                break
    if whole:
        values = given
    elif read is None:
        return _formatted_earlier(text, start, taken, frame)
    elif frame.f_code.co_name == "<module>":
        values = list(frame.f_globals.values()) + _RECENT
        values.sort(key=_strength)
        values = given + values
    else:
        values = given + _RECENT
    return _mark_values(text, start, values, taken)


def _formatted_earlier(text, start, taken, frame):
    """A line that formats nothing with `%` may write a text a `%` made
    earlier: in a function it called (`print(row())`), or kept and joined
    (`out.append("%d" % size)`, then `print(*out)`). Where the program
    formats with `%` at all, the recent values measuring calls made count
    for such a write (and on a module-level line the module's names),
    except where the figure could have been typed: its value is a number
    in the source, or the text around it stands in one of the source's
    strings (percent_operands.typed_in_source)."""
    if not formats_with_percent():
        return []
    values = list(frame.f_globals.values()) + _RECENT if frame.f_code.co_name == "<module>" else list(_RECENT)
    values.sort(key=_strength)
    return _mark_values(text, start, values, taken,
                        lambda at, end, value: typed_in_source(text, at, end, value))


def _mark_values(text, start, values, taken, typed=None):
    """The marks of the marked values among `values` whose `%d`/`%.Nf`
    texts stand as whole numbers in `text`, outside the `taken` spans (and
    not where `typed(at, end, value)` says the figure could be typed)."""
    found = []
    for value in values:
        kind = value.__class__
        if kind is MeasuredInt or kind is TracedInt or kind is PeakInt or kind is DerivedInt:
            texts = _percent_texts(value, True)
        elif kind is MeasuredFloat or kind is TracedFloat or kind is PeakFloat or kind is DerivedFloat:
            texts = _percent_texts(value, False)
        else:
            continue
        peak = kind is PeakInt or kind is PeakFloat
        traced = peak or kind is TracedInt or kind is TracedFloat
        derived = kind is DerivedInt or kind is DerivedFloat
        for made in texts:
            at = text.find(made)
            while at >= 0:
                end = at + len(made)
                whole = (at == 0 or text[at - 1] not in _EDGE) and (end == len(text) or text[end] not in _EDGE
                                                                    or text[end] in ".," and text[end + 1:end + 2] not in "0123456789")
                if whole and not any(b < end and at < e for b, e in taken) and (
                        typed is None or not typed(at, end, value)):
                    taken.append((at, end))
                    found += (~start if derived else start, ~at if peak else at, ~end if traced else end)
                at = text.find(made, end)
    return found


def _percent_texts(value, whole):
    """What `%d` makes of a whole number, or `%.0f` to `%.3f` of another."""
    return (int.__repr__(value),) if whole else tuple("%.*f" % (digits, value) for digits in range(4))


def _strength(value):
    """0 for a peak, 1 for other traced values, 2 for other measured ones, 3
    for anything else, derived values included (percent_marks' order)."""
    kind = value.__class__
    if kind is PeakInt or kind is PeakFloat:
        return 0
    if kind is TracedInt or kind is TracedFloat:
        return 1
    return 2 if kind is MeasuredInt or kind is MeasuredFloat else 3


def _end(stored):
    """A mark's begin or end as stored: a traced value's text keeps its end
    as ~end, a peak's its begin as ~begin too."""
    return stored if stored >= 0 else ~stored


def _place(text, made, since, taken, whole):
    """Where `made` is in `text` from `since`, outside the `taken` spans
    (and bounded as a whole number if `whole`), or -1."""
    at = text.find(made, since)
    while at >= 0:
        end = at + len(made)
        if not any(begin < end and at < stop for begin, stop in taken) and (not whole or (
                (at == 0 or text[at - 1] not in _EDGE or not made[:1].isdigit())
                and (end == len(text) or text[end] not in _EDGE or not made[-1:].isdigit()
                     or text[end] in ".," and text[end + 1:end + 2] not in "0123456789"))):
            return at
        at = text.find(made, at + 1)
    return -1


def take_marks(text, start):
    """The tee's part: which recorded texts `text` (the program's write
    number `start`) contains, as a flat list of write, begin, end (no
    tuple is kept: a kept tuple would come from CPython's free list, and
    the program's own tuples would then be allocated anew inside its
    windows); the texts found are no longer pending."""
    marks = []
    taken = []
    # In the order they were made, each at a place of its own, as a whole
    # number where there is one ("0" not inside "500,000"); only then, the
    # texts no whole number took, inside one: a text formatted earlier and
    # never printed ("9") must not take a place inside a figure a later
    # text is ("9,197,982").
    placed = [-1] * len(_FORMATTED)
    for whole in (True, False):
        cursor = 0
        for index, made in enumerate(_FORMATTED):
            if placed[index] >= 0:
                cursor = placed[index] + len(made)
                continue
            at = _place(text, made, cursor, taken, whole)
            if at < 0:
                at = _place(text, made, 0, taken, whole)
            if at >= 0:
                placed[index] = at
                taken.append((at, at + len(made)))
                cursor = at + len(made)
    left = []
    for index, made in enumerate(_FORMATTED):
        at = placed[index]
        if at < 0:
            left.append(made)
            continue
        # A derived value's text: its write number as ~start; a traced
        # value's, its end as ~end; a peak's, its begin as ~begin too
        # (Tee.measured_spans).
        kind = made.__class__
        end = at + len(made)
        marks += (~start if kind is _DerivedText else start, ~at if kind is _PeakText else at,
                  ~end if kind is _TracedText or kind is _PeakText else end)
    # A measured text printed again in the same write, as a whole number,
    # is the same figure: marked there too, of the same kind ("p.w = 0.0 on
    # each: 0.0 bytes", where the first 0.0 is typed and the second measured).
    for index in range(0, len(marks), 3):
        begun, stored = marks[index + 1], marks[index + 2]
        made = text[_end(begun):_end(stored)]
        at = _place(text, made, 0, taken, True)
        while at >= 0:
            taken.append((at, at + len(made)))
            marks += (marks[index], at if begun >= 0 else ~at, at + len(made) if stored >= 0 else ~(at + len(made)))
            at = _place(text, made, at + len(made), taken, True)
    _FORMATTED[:] = left
    return marks
