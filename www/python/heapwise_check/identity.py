"""Whether a program's code compares two objects' identity: read from its
syntax tree, for checks whose re-runs cannot tell an answer computed with
`is` from one typed or worked out by other means (no re-run can make two
objects one, or a small int fresh)."""
import ast


def compares_identity(source, function=None, skip_calls=()):
    """True when `source` (or, with `function`, its top-level function of
    that name and the top-level functions it calls by name, at any depth)
    compares two objects' identity: `x is y`, `x is not y`,
    `id(x) == id(y)` or `operator.is_(x, y)`, with neither side None,
    True, False or a call of a function named in `skip_calls`
    (string-interning's `intern`: an interned string is itself by
    definition). True when the source does not parse (the program did not
    start: other checks say so); False when `function` is not defined."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return True
    return any(_compares(node, skip_calls) for node in
               ([tree] if function is None else _reached(tree, function)))


def _reached(tree, function):
    """The top-level definitions of `function` (a def, or a name bound to a
    lambda) and of every top-level function they call by name."""
    defined = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            defined[node.name] = node
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            defined.update((target.id, node.value) for target in node.targets if isinstance(target, ast.Name))
    reached, waiting = {}, [function]
    while waiting:
        name = waiting.pop()
        if name in reached or name not in defined:
            continue
        reached[name] = defined[name]
        waiting.extend(call.func.id for call in ast.walk(defined[name])
                       if isinstance(call, ast.Call) and isinstance(call.func, ast.Name))
    return list(reached.values())


def _compares(tree, skip_calls):
    """Whether an identity comparison stands anywhere in `tree`."""

    def plain(node):
        if isinstance(node, ast.Constant) and node.value in (None, True, False):
            return False
        if isinstance(node, ast.Call):
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
            return name not in skip_calls
        return True

    def ids(node):
        return isinstance(node, ast.Call) and getattr(node.func, "id", "") == "id" and len(node.args) == 1

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and len(node.args) == 2 and all(map(plain, node.args)) and \
                (getattr(node.func, "attr", "") or getattr(node.func, "id", "")) in ("is_", "is_not"):
            return True  # operator.is_(a, b)
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            for op, left, right in zip(node.ops, sides, sides[1:]):
                if isinstance(op, (ast.Is, ast.IsNot)) and plain(left) and plain(right):
                    return True
                if isinstance(op, (ast.Eq, ast.NotEq)) and ids(left) and ids(right) \
                        and plain(left.args[0]) and plain(right.args[0]):
                    return True
    return False
