"""What the objects picture (objects.py) says of one object, read without
running any of the program's code: a short text for a box's sample, the
names of its references (a slot's, a dict's str key, an index), and the
shape that makes objects alike. It imports nothing of the package and
runs on CPython 3.8 on, as objects.py does.
"""
import itertools

REPR_CHARS = 60
_SCALARS = (int, float, complex, str, bytes)


def _short(obj, chars=REPR_CHARS, depth=0):
    """A short text for a box's sample, made without running any of the program's code (no
    repr of its classes, no `__dict__`): a built-in value's repr (a long one cut first), a
    built-in container's first items the same way, an instance with `__slots__` as its slots'
    values (`Point(x=1.0, y=2.0)`, read as `_labels` reads them), else `<TypeName>`."""
    kind = type(obj)
    try:
        text = _value(obj, kind, chars, depth)
    except Exception:  # e.g. an int too long to print
        text = f"<{kind.__name__}>"
    return text if len(text) <= chars else text[:chars - 1] + "\u2026"


def _value(obj, kind, chars, depth):
    inner = max(8, chars // 3)
    if depth >= 2 and kind in (list, tuple, set, frozenset, dict):
        return f"<{kind.__name__}>"  # deeper (or a container holding itself): its type
    if kind in (str, bytes, bytearray):
        return repr(obj[:chars])
    if kind in (int, float, complex):
        return repr(obj)
    if kind in (list, tuple, set, frozenset):
        items = [_short(item, inner, depth + 1) for item in itertools.islice(obj, 4)]
        opening, closing = {list: "[]", tuple: "()"}.get(kind, "{}")
        if not items and kind in (set, frozenset):
            return f"{kind.__name__}()"
        more = ", \u2026" if len(obj) > len(items) else ("," if kind is tuple and len(items) == 1 else "")
        text = f"{opening}{', '.join(items)}{more}{closing}"
        return f"frozenset({text})" if kind is frozenset else text
    if kind is dict:
        items = [f"{_short(k, inner, depth + 1)}: {_short(v, inner, depth + 1)}" for k, v in itertools.islice(obj.items(), 3)]
        return "{" + ", ".join(items) + (", \u2026" if len(obj) > len(items) else "") + "}"
    if kind.__module__ != "builtins" and _slot_names(kind):
        values = []
        for name in _slot_names(kind):
            try:
                value = object.__getattribute__(obj, name)
            except AttributeError:
                continue
            values.append(f"{name}={_short(value, 16) if type(value) in _SCALARS else f'<{type(value).__name__}>'}")
        return f"{kind.__name__}({', '.join(values)})"
    return f"<{kind.__name__}>"


def _slot_names(cls):
    names = []
    for klass in getattr(cls, "__mro__", ()):
        slots = klass.__dict__.get("__slots__", ())
        names += [slots] if isinstance(slots, str) else list(slots)
    return [n for n in names if n not in ("__dict__", "__weakref__")]


def _labels(obj):
    """id of a referent -> how obj refers to it (a slot's name, a dict's str key, an index), where
    that costs nothing and changes nothing: never an instance's `__dict__`."""
    found = {}
    try:
        if type(obj) in (list, tuple) and len(obj) <= 16:
            for index, item in enumerate(obj):
                found.setdefault(id(item), f"[{index}]")
        elif type(obj) is dict and len(obj) <= 32:
            for key, value in obj.items():
                if type(key) is str:
                    found.setdefault(id(value), f"[{key!r}]")
        elif not isinstance(obj, _SCALARS):
            for name in _slot_names(type(obj)):
                try:
                    value = object.__getattribute__(obj, name)
                except AttributeError:
                    continue
                found.setdefault(id(value), f".{name}")
    except Exception:
        return {}
    return found


def _shape(obj):
    """What makes objects alike: their type and, for containers and instances, their layout."""
    kind = type(obj)
    name = f"{kind.__module__}.{kind.__qualname__}" if kind.__module__ not in ("builtins", "__main__") \
        else kind.__qualname__
    if isinstance(obj, _SCALARS):
        return (name,)
    if kind is tuple:
        return (name, len(obj))
    if kind is dict:
        keys = tuple(obj) if len(obj) <= 16 and all(type(k) is str for k in obj) else None
        return (name, keys)
    if kind in (list, set, frozenset, bytearray):
        return (name,)
    return (name, tuple(_slot_names(kind)))
