"""Derived values (provenance.py): a measurement worked out with typed
numbers, `DerivedInt` and `DerivedFloat`, which only BYTES_RULE accepts;
`_derive` makes one, and anything done to one is derived again.
"""
from .provenance import _LooksPlain, _record_derived


def _derive(value):
    """`value` (a plain int or float) as a derived one: worked out from a
    measurement with typed numbers (see DerivedInt)."""
    kind = value.__class__
    if kind is int:
        return DerivedInt(value)
    if kind is float:
        return DerivedFloat(value)
    return value


def _derived_op(op, with_float=None):
    """A DerivedInt/DerivedFloat operator: the plain result, derived. An
    int's operator gives NotImplemented for a float (`least / 1024.0`):
    `with_float`, float's operator of the same name, then works it out as
    float's own would, so the result is derived too, not a plain float."""

    def derived(self, *other):
        result = op(self, *other)
        if result is NotImplemented and with_float is not None and other and isinstance(other[0], float):
            result = with_float(float(int.__index__(self)), *other)
        return _derive(result)

    return derived


class DerivedInt(int, metaclass=_LooksPlain):
    """An int worked out from a measurement with typed numbers: a measured
    value scaled (`m * 10`), plus a typed number, or anything done to a
    derived one. Checks never take it for a measurement (a tenth times ten
    is a guess at the whole); only BYTES_RULE, which asks that a byte
    figure come from the program's measurements at all, accepts its text."""

    __slots__ = ()

    def __repr__(self):
        return _record_derived(int.__repr__(self))

    __str__ = __repr__

    def __format__(self, spec):
        return _record_derived(int.__format__(self, spec) if spec else int.__repr__(self))

    def __reduce_ex__(self, protocol):
        return (int, (int.__index__(self),))


class DerivedFloat(float, metaclass=_LooksPlain):
    """A float worked out from a measurement with typed numbers (DerivedInt)."""

    __slots__ = ()

    def __repr__(self):
        return _record_derived(float.__repr__(self))

    __str__ = __repr__

    def __format__(self, spec):
        return _record_derived(float.__format__(self, spec) if spec else float.__repr__(self))

    def __reduce_ex__(self, protocol):
        return (float, (float.__float__(self),))


for _kind, _base in ((DerivedInt, int), (DerivedFloat, float)):
    for _op in ("add", "radd", "sub", "rsub", "mul", "rmul", "truediv", "rtruediv", "floordiv", "rfloordiv",
                "neg", "abs", "round", "floor", "ceil", "trunc"):
        if hasattr(_base, f"__{_op}__"):
            setattr(_kind, f"__{_op}__", _derived_op(getattr(_base, f"__{_op}__"),
                                                     getattr(float, f"__{_op}__", None) if _base is int else None))
del _kind, _base, _op

for _kind, _name in ((DerivedInt, "int"), (DerivedFloat, "float")):
    _kind.__name__ = _kind.__qualname__ = _name
del _kind, _name
