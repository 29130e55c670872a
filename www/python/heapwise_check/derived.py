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


def _derived_op(op):
    """A DerivedInt/DerivedFloat operator: the plain result, derived."""

    def derived(self, *other):
        return _derive(op(self, *other))

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
            setattr(_kind, f"__{_op}__", _derived_op(getattr(_base, f"__{_op}__")))
del _kind, _base, _op

for _kind, _name in ((DerivedInt, "int"), (DerivedFloat, "float")):
    _kind.__name__ = _kind.__qualname__ = _name
del _kind, _name
