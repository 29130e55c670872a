"""Measured values (provenance.py): what the measuring calls return while
the program runs, `MeasuredInt` and `MeasuredFloat`, the traced bytes among
them, `TracedInt` and `TracedFloat`, and which arithmetic keeps the mark,
which only derives it (derived.py) and which drops it.
"""
import math
import operator

from .derived import _derive
from .provenance import _LooksPlain, _record, _record_peak, _record_traced, _remember


def _measured(other):
    return other.__class__ in _MEASURED_KINDS


def _traced(value):
    return value.__class__ in _TRACED_KINDS


def _peak(value):
    return value.__class__ is PeakInt or value.__class__ is PeakFloat


def _mark(value, traced=False, peak=False):
    """`value` (a plain int or float) as a measured one (a traced one, if
    `traced`; a traced peak, if `peak` too), kept among the recent values
    for `%` formatting (provenance._remember: a sum's last step is the sum)."""
    kind = value.__class__
    if kind is int:
        return _remember((PeakInt if peak else TracedInt)(value) if traced else MeasuredInt(value))
    if kind is float:
        return _remember((PeakFloat if peak else TracedFloat)(value) if traced else MeasuredFloat(value))
    return value


def _same(self, value):
    """`value` marked as `self` is: measured, traced, or a traced peak."""
    return _mark(value, _traced(self), _peak(self))


def _zero(other):
    kind = other.__class__
    return (kind is int or kind is float) and other == 0


def _divisor(other):
    """A typed number a measured value may be divided by and stay one: at least 1."""
    kind = other.__class__
    return (kind is int or kind is float) and other >= 1


def _sum(result, self, other, minus=False):
    """A sum or difference (`minus`: self - other) of a measured value: a
    peak less a traced baseline (`peak - before`, or a peak read right
    after `reset_peak()`) is still a peak; a sum with a peak in it is
    traced bytes only. Traced bytes with a size that was not traced added
    or taken off (`peak - sys.getsizeof(x)`) are measured, no longer traced."""
    if result is NotImplemented:
        return result
    if _measured(other) and other is not self:
        traced = _traced(self) and _traced(other)
        return _mark(result, traced, minus and _peak(self) and _traced(other))
    if _zero(other):
        return _same(self, result)
    return _derive(result)


def _typed(other):
    kind = other.__class__
    return kind is int or kind is float


def _quotient(result, self, other):
    if result is NotImplemented:
        return result
    if _measured(other):
        return _mark(result)  # a ratio of two measurements: no longer bytes traced
    if _divisor(other):
        return _same(self, result)  # per item, or in a larger unit
    if _traced(self) and _typed(other) and 0 < other < 1:
        return result  # scaled up: divided by a fraction (see _product)
    return _derive(result)


def _product(result, self, other):
    if result is NotImplemented:
        return result
    if other.__class__ is int and other == 1:
        return _same(self, result)
    if _traced(self) and _typed(other):
        # What tracemalloc traced while some work ran, times a typed number:
        # more than 1 claims what a larger work would trace (a tenth
        # measured times ten, a thousand items' peak per item times a
        # million), which nothing measured; left plain, it is refused
        # wherever a measurement is asked for, BYTES_RULE included. At
        # most 1 is a unit (`peak * 1e-6` for MB): still traced.
        return result if other > 1 else _same(self, result)
    return _derive(result)


def _int(int_op, float_op, self, other):
    """int_op(self, other), or with a plain float, float_op on self as a float
    (int's own operators leave a float operand to the float)."""
    result = int_op(self, other)
    if result is NotImplemented and other.__class__ is float:
        return float_op(int.__float__(self), other)
    return result


class MeasuredInt(int, metaclass=_LooksPlain):
    """An int a measuring call returned (see the module's docstring)."""

    __slots__ = ()

    # What formatting records its text with (TracedInt and TracedFloat: as traced).
    _recorded = staticmethod(_record)

    def __repr__(self):
        return self._recorded(int.__repr__(self))

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return self._recorded(int.__repr__(self))
        return self._recorded(int.__format__(self, spec))

    def __reduce_ex__(self, protocol):
        return (int, (int.__index__(self),))

    def __add__(self, other):
        return _sum(_int(int.__add__, float.__add__, self, other), self, other)

    def __radd__(self, other):
        if _zero(other):
            return self
        return _sum(_int(int.__radd__, float.__radd__, self, other), self, other)

    def __sub__(self, other):
        return _sum(_int(int.__sub__, float.__sub__, self, other), self, other, minus=True)

    def __rsub__(self, other):
        return _sum(_int(int.__rsub__, float.__rsub__, self, other), self, other)

    def __mul__(self, other):
        return _product(_int(int.__mul__, float.__mul__, self, other), self, other)

    def __rmul__(self, other):
        return _product(_int(int.__rmul__, float.__rmul__, self, other), self, other)

    def __truediv__(self, other):
        return _quotient(_int(int.__truediv__, float.__truediv__, self, other), self, other)

    def __floordiv__(self, other):
        return _quotient(_int(int.__floordiv__, float.__floordiv__, self, other), self, other)

    def __rtruediv__(self, other):
        result = _int(int.__rtruediv__, float.__rtruediv__, self, other)
        return _mark(result) if _measured(other) else _derive(result)

    def __rfloordiv__(self, other):
        result = _int(int.__rfloordiv__, float.__rfloordiv__, self, other)
        return _mark(result) if _measured(other) else _derive(result)

    def __neg__(self):
        return _same(self, int.__neg__(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return _same(self, int.__abs__(self))

    def __round__(self, ndigits=None):
        if ndigits is None:
            return _same(self, int.__index__(self))
        if operator.index(ndigits) < 0:
            return int.__round__(self, ndigits)  # to tens, hundreds...: a nicer number than was measured
        return _same(self, int.__round__(self, ndigits))

    def __floor__(self):
        return self

    __ceil__ = __trunc__ = __floor__


class MeasuredFloat(float, metaclass=_LooksPlain):
    """A float a measuring call returned, or a measured int's ratio."""

    __slots__ = ()

    # What formatting records its text with (TracedInt and TracedFloat: as traced).
    _recorded = staticmethod(_record)

    def __repr__(self):
        return self._recorded(float.__repr__(self))

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return self._recorded(float.__repr__(self))
        return self._recorded(float.__format__(self, spec))

    def __reduce_ex__(self, protocol):
        return (float, (float.__float__(self),))

    def __add__(self, other):
        return _sum(float.__add__(self, other), self, other)

    def __radd__(self, other):
        if _zero(other):
            return self
        return _sum(float.__radd__(self, other), self, other)

    def __sub__(self, other):
        return _sum(float.__sub__(self, other), self, other, minus=True)

    def __rsub__(self, other):
        return _sum(float.__rsub__(self, other), self, other)

    def __mul__(self, other):
        return _product(float.__mul__(self, other), self, other)

    def __rmul__(self, other):
        return _product(float.__rmul__(self, other), self, other)

    def __truediv__(self, other):
        return _quotient(float.__truediv__(self, other), self, other)

    def __floordiv__(self, other):
        return _quotient(float.__floordiv__(self, other), self, other)

    def __rtruediv__(self, other):
        result = float.__rtruediv__(self, other)
        return _mark(result) if _measured(other) else _derive(result)

    def __rfloordiv__(self, other):
        result = float.__rfloordiv__(self, other)
        return _mark(result) if _measured(other) else _derive(result)

    def __neg__(self):
        return _same(self, float.__neg__(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return _same(self, float.__abs__(self))

    def __round__(self, ndigits=None):
        if ndigits is None:
            return _same(self, round(float.__float__(self)))
        if operator.index(ndigits) < 0:
            return float.__round__(self, ndigits)  # to tens, hundreds...: a nicer number than was measured
        return _same(self, float.__round__(self, ndigits))

    def __floor__(self):
        return _same(self, math.floor(float.__float__(self)))

    def __ceil__(self):
        return _same(self, math.ceil(float.__float__(self)))

    def __trunc__(self):
        return _same(self, math.trunc(float.__float__(self)))


class TracedInt(MeasuredInt):
    """A measured int that is bytes tracemalloc traced (the program's
    get_traced_memory, a snapshot's statistics and traces), or a sum,
    difference, unit or per-item share of such: what some work of the
    program held. Scaled up by a typed number it is no longer a measurement
    (`_product`). Its printed texts are marked traced as well as measured
    (`p.measured(match, traced=True)`)."""

    __slots__ = ()

    _recorded = staticmethod(_record_traced)


class TracedFloat(MeasuredFloat):
    """A measured float that is traced bytes (TracedInt)."""

    __slots__ = ()

    _recorded = staticmethod(_record_traced)


class PeakInt(TracedInt):
    """Traced bytes that are a peak: what the program's
    `get_traced_memory()[1]` returned, that less a traced baseline, and its
    units and per-item shares (`_sum`, `_quotient`). A check asks for one
    where the task says to print a peak (`p.measured(match,
    traced="peak")`, `p.sizes(measured="peak")`): the current traced size
    read after the work is traced bytes, but it is not the peak the work
    reached. Its printed texts are marked peak as well as traced."""

    __slots__ = ()

    _recorded = staticmethod(_record_peak)


class PeakFloat(TracedFloat):
    """A traced float that is a peak (PeakInt)."""

    __slots__ = ()

    _recorded = staticmethod(_record_peak)


_MEASURED_KINDS = frozenset((MeasuredInt, MeasuredFloat, TracedInt, TracedFloat, PeakInt, PeakFloat))
_TRACED_KINDS = frozenset((TracedInt, TracedFloat, PeakInt, PeakFloat))

for _kind, _name in ((MeasuredInt, "int"), (MeasuredFloat, "float"), (TracedInt, "int"), (TracedFloat, "float"),
                     (PeakInt, "int"), (PeakFloat, "float")):
    _kind.__name__ = _kind.__qualname__ = _name
del _kind, _name
