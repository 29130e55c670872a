"""What a `%` format in the program formats (text_marks.percent_marks).

`%d` and `%f` format a number without calling any of its methods, so a
marked value formatted that way records nothing. Before the program runs,
`index_operands` reads its source once and keeps, for every line of a
statement that holds a `%` format, the expressions to the right of the
`%` (each item of a tuple). When the program writes from such a line,
`operand_values` reads those expressions again in the writing frame,
without running any of the program's code: a name, an attribute kept in
the instance or its slots (or a tracemalloc entry's, or a module's), an
item of a list, tuple or dict at an index that is an int or a string
(a constant or a name), a tuple of those and `+` of tuples (its items
are what is formatted: `"%d %d" % pair`, `"%s %d" % ((name,) + row)`),
`+ - * / //` of those and of constants, `float` and `int` of a number (the
same number, marked where it was), and `round`, `abs`, `min`, `max`, `len` and
`sys.getsizeof` of them (of an object whose `__len__` or `__sizeof__` is
not written in Python). What they give is what the format was given, as
its marked value where it is one; anything else (a call of the program's
own functions, a generator, a property) gives nothing, and the write is
left to the module's names and the recent measuring calls, as before.

Reading a function's names takes its frame's `f_locals`: CPython 3.12 and
earlier then keep a dict of them on the frame until the call returns,
so a figure the same call traces after such a write holds that dict too
(on 3.13 and later, and in the browser, it is a proxy that holds
nothing).
"""
import ast
import builtins
import math
import operator
import sys
import tracemalloc

# line -> expressions formatted by `%` in the statement over that line
_OPERANDS = {}
# The numbers and the strings the program's source writes (typed_in_source).
_SOURCE_NUMBERS = set()
_SOURCE_STRINGS = []
_MISSING = object()
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv}
_CALLED = (builtins.round, builtins.abs, builtins.min, builtins.max)
# Classes whose attributes (their properties included) run none of the program's code.
_SAFE_OWNERS = (tracemalloc.Statistic, tracemalloc.StatisticDiff, tracemalloc.Trace,
                tracemalloc.Traceback, tracemalloc.Frame)
_INDEX = getattr(ast, "Index", None)  # 3.8 wraps a subscript's index
# The keys a list, tuple or dict is read at: a built-in's hash and equality run none of the program's code.
_KEYS = (int, str, bytes, bool)


def index_operands(source):
    """Keeps the `%` operands of every statement of `source`, by line, and
    what typed_in_source reads: the numbers and the strings the source
    writes."""
    _OPERANDS.clear()
    _SOURCE_NUMBERS.clear()
    del _SOURCE_STRINGS[:]
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if node.__class__ is ast.Constant:
            if _number(node.value):
                _SOURCE_NUMBERS.add(node.value)
            elif node.value.__class__ is str:
                _SOURCE_STRINGS.append(node.value)
    for statement in ast.walk(tree):
        if not isinstance(statement, ast.stmt) or hasattr(statement, "body"):
            continue
        found = []
        for node in ast.walk(statement):
            if node.__class__ is ast.BinOp and node.op.__class__ is ast.Mod:
                right = node.right
                found.extend(right.elts if right.__class__ is ast.Tuple else (right,))
        if found:
            for line in range(statement.lineno, (getattr(statement, "end_lineno", None) or statement.lineno) + 1):
                _OPERANDS.setdefault(line, []).extend(found)


def clear():
    _OPERANDS.clear()
    _SOURCE_NUMBERS.clear()
    del _SOURCE_STRINGS[:]


def formats_with_percent():
    """Whether the program has a `%` expression (indexed only for a source
    that holds a number format such as "%d": measuring.install)."""
    return bool(_OPERANDS)


def typed_in_source(text, at, end, value):
    """Whether the figure text[at:end] (of `value`) could have been typed:
    its value is a number the source writes, or the figure with up to six
    characters of the text on each side stands in one of its strings."""
    plain = int.__add__(value, 0) if isinstance(value, int) else float.__add__(value, 0.0)
    if plain in _SOURCE_NUMBERS:
        return True
    around = text[max(at - 6, 0):end + 6]
    return any(around in written for written in _SOURCE_STRINGS)


def operand_values(frame):
    """(values, whole, typed): the values of the `%` operands of the
    statement `frame` is running (read again in it), those that could be
    read; whether every one could; and the numbers among them written in
    the source (constants and arithmetic of constants only: typed, never
    measured). None when that statement formats nothing with `%`."""
    nodes = _OPERANDS.get(frame.f_lineno)
    if not nodes:
        return None
    values, whole, typed = [], True, []
    for node in nodes:
        if _typed(node):
            try:
                value = _value(node, frame, 0)
            except Exception:  # noqa: BLE001 (1 / 0 typed in)
                continue
            if _number(value):
                typed.append(value)
            continue
        try:
            value = _value(node, frame, 0)
        except Exception:  # noqa: BLE001 (an operand that cannot be read is left out)
            value = _MISSING
        if value is _MISSING:
            whole = False
        elif value.__class__ is tuple:
            values.extend(value)  # `"%d %d" % pair`: the tuple's items are what is formatted
        else:
            values.append(value)
    return values, whole, typed


def _typed(node):
    """Whether `node` is a number written in the source, or arithmetic of
    such numbers only."""
    kind = node.__class__
    if kind is ast.Constant:
        return _number(node.value)
    if kind is ast.UnaryOp:
        return _typed(node.operand)
    if kind is ast.BinOp:
        return _typed(node.left) and _typed(node.right)
    return False


def _value(node, frame, depth):
    if depth > 12:
        return _MISSING
    kind = node.__class__
    if kind is ast.Constant:
        value = node.value
        return value if value.__class__ in (int, float, str) else _MISSING
    if kind is ast.Name:
        return _name(node.id, frame)
    if kind is ast.Attribute:
        owner = _value(node.value, frame, depth + 1)
        return _MISSING if owner is _MISSING else _attribute(owner, node.attr)
    if kind is ast.Subscript:
        owner = _value(node.value, frame, depth + 1)
        key = node.slice
        if _INDEX is not None and key.__class__ is _INDEX:
            key = key.value
        key = _value(key, frame, depth + 1)
        if owner is _MISSING or key.__class__ not in _KEYS or owner.__class__ not in (list, tuple, dict):
            return _MISSING  # a key of the program's own class would run its __hash__
        try:
            return owner[key]
        except (IndexError, KeyError, TypeError):
            return _MISSING
    if kind is ast.Tuple:
        items = tuple(_value(item, frame, depth + 1) for item in node.elts)
        return _MISSING if any(item is _MISSING for item in items) else items
    if kind is ast.BinOp and node.op.__class__ in _BINARY:
        left, right = _value(node.left, frame, depth + 1), _value(node.right, frame, depth + 1)
        if node.op.__class__ is ast.Add and left.__class__ is tuple and right.__class__ is tuple:
            return left + right  # `(name,) + figures[name]`
        if not (_number(left) and _number(right)):
            return _MISSING
        return _BINARY[node.op.__class__](left, right)
    if kind is ast.UnaryOp and node.op.__class__ in (ast.USub, ast.UAdd):
        operand = _value(node.operand, frame, depth + 1)
        if not _number(operand):
            return _MISSING
        return -operand if node.op.__class__ is ast.USub else +operand
    if kind is ast.Call and not node.keywords:
        return _call(node, frame, depth)
    return _MISSING


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _call(node, frame, depth):
    function = _value(node.func, frame, depth + 1)
    if function is _MISSING:
        return _MISSING
    arguments = [_value(argument, frame, depth + 1) for argument in node.args]
    if any(argument is _MISSING for argument in arguments):
        return _MISSING
    if any(function is allowed for allowed in _CALLED):
        if function is builtins.round or function is builtins.abs:
            if not arguments or not _number(arguments[0]):
                return _MISSING
        elif not all(_number(argument) for argument in arguments):
            return _MISSING  # min and max of numbers only (no iterable of the program's)
        return function(*arguments)
    # float() and int() of a number: the same number (int() of a float as
    # math.trunc gives it), so a marked value stays marked, as it would had
    # the program not converted it (`"%.2f" % (float(deep) / shallow)`).
    if function is builtins.float or function is builtins.int:
        if len(arguments) != 1 or not _number(arguments[0]):
            return _MISSING
        value = arguments[0]
        return math.trunc(value) if function is builtins.int and isinstance(value, float) else value
    # len and sys.getsizeof as the program sees them (the measuring stand-ins),
    # of an object whose __len__ or __sizeof__ is not the program's own code.
    if function is builtins.len or function is sys.getsizeof:
        method = "__len__" if function is builtins.len else "__sizeof__"
        if len(arguments) == 1 and not _own_code(arguments[0].__class__, method):
            return function(arguments[0])
    return _MISSING


def _own_code(kind, name):
    """True when `kind`'s `name` (looked up as the interpreter does) is a
    function written in Python: calling it would run the program's code."""
    for klass in kind.__mro__:
        if name in vars(klass):
            return isinstance(vars(klass)[name], (type(_own_code), staticmethod, classmethod, property))
    return False


def _name(name, frame):
    if frame.f_code.co_name != "<module>":
        local = frame.f_locals
        if name in local:
            return local[name]
    found = frame.f_globals.get(name, _MISSING)
    if found is _MISSING:
        found = vars(builtins).get(name, _MISSING)
    return found


def _attribute(owner, name):
    """owner.name when reading it runs none of the program's code."""
    kind = owner.__class__
    if kind is type(sys):  # a module
        return vars(owner).get(name, _MISSING)
    if isinstance(owner, _SAFE_OWNERS):
        return getattr(owner, name, _MISSING)
    lookup = kind.__getattribute__
    if lookup is not object.__getattribute__ and not (
            lookup.__class__.__name__ == "wrapper_descriptor"
            and getattr(lookup, "__objclass__", object).__module__ == "builtins"):
        return _MISSING  # the program's own lookup would run (a built-in's, as a tuple's, runs none)
    declared = _MISSING
    for klass in kind.__mro__:
        if name in vars(klass):
            declared = vars(klass)[name]
            break
    if declared is not _MISSING and (hasattr(declared, "__set__") or hasattr(declared, "__delete__")):
        # A data descriptor: a slot or a namedtuple's field reads the object's own
        # storage; a property (or anything else) would run code.
        if declared.__class__.__name__ in ("member_descriptor", "_tuplegetter"):
            return getattr(owner, name, _MISSING)
        return _MISSING
    own = getattr(owner, "__dict__", None)
    if own.__class__ is dict and name in own:
        return own[name]
    if declared is not _MISSING and not hasattr(declared, "__get__"):
        return declared  # a class attribute
    return _MISSING
