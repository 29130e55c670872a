"""What a run may not change, and putting it back.

`remember()`, called last when the package is imported, copies every
guarded namespace: `builtins`, `gc`, `tracemalloc`, `_tracemalloc`, the
functions of `sys` (less the attributes a program may set for its own
ends), this package and each of its modules, and the classes of
`tracemalloc` and of this package. After the program has run, and again
after the checks, `_restore_guarded` puts every value back and names what
had been replaced.
"""
import builtins
import gc
import sys
import types

import _tracemalloc
import tracemalloc

# sys attributes a program may set for its own ends; put back, never reported.
_SYS_FREE = {"stdout", "stderr", "stdin", "displayhook", "excepthook", "breakpointhook", "unraisablehook",
             "ps1", "ps2", "last_type", "last_value", "last_traceback", "last_exc", "argv", "path",
             "path_hooks", "meta_path", "path_importer_cache", "modules", "tracebacklimit"}

_MISSING = object()

# (label, owner, copy of its namespace) for every guarded namespace; filled by remember().
_PRISTINE = []
# label: the namespace itself (a module's dict, a class's mapping proxy), and
# whether it is a module's (a dict to write into), taken by remember(), so
# that putting values back calls no builtin the program may have replaced:
# builtins come back first, written straight into their dict.
_SPACES = {}
_setattr = setattr


def _harness_modules():
    """This package and each of its modules, as (label, module) pairs, the package first."""
    package = sys.modules[__package__]
    found = [("heapwise_check", package)]
    for value in vars(package).values():
        if isinstance(value, types.ModuleType) and value.__name__.startswith(package.__name__ + "."):
            found.append(("heapwise_check." + value.__name__.rpartition(".")[2], value))
    return found


def _guarded():
    """(label, owner, namespace) for every namespace a program must leave alone."""
    owners = [("builtins", builtins), ("gc", gc), ("tracemalloc", tracemalloc), ("_tracemalloc", _tracemalloc),
              ("sys", sys)]
    modules = _harness_modules()
    found = [(label, owner, vars(owner)) for label, owner in owners + modules]
    classes = [(f"tracemalloc.{name}", value) for name, value in vars(tracemalloc).items()
               if isinstance(value, type) and value.__module__ == "tracemalloc"]
    classes += [(f"heapwise_check.{name}", value) for _, module in modules for name, value in vars(module).items()
                if isinstance(value, type) and value.__module__ == module.__name__]
    found += [(label, cls, vars(cls)) for label, cls in classes]
    return found


def remember():
    """Copies every guarded namespace. Called once, last, when every name
    of every module of the package exists."""
    for label, owner, space in _guarded():
        if label == "sys":
            kept = {k: v for k, v in space.items() if k not in _SYS_FREE and callable(v)}
        else:
            kept = dict(space)
        _PRISTINE.append((label, owner, kept))
        _SPACES[label] = (space, isinstance(owner, types.ModuleType))


def _owner_label(owner):
    """The label of a guarded namespace's owner, or None if it is not guarded."""
    for label, guarded, _ in _PRISTINE:
        if guarded is owner:
            return label
    return None


def _restore_guarded(expected):
    """Puts every guarded value back; returns what the program had changed,
    as "`name`" strings (`expected` maps (label, key) to what the harness
    itself put there while the program ran). Until builtins are back (the
    first namespace), it calls no builtin: a program may have replaced
    `vars` or `setattr` with a function that no longer works once its own
    globals are gone."""
    changed = []
    for label, owner, kept in _PRISTINE:
        space, of_module = _SPACES[label]
        for key, value in kept.items():
            want = expected.get((label, key), value)
            now = space.get(key, _MISSING)
            if now is not want:
                changed.append(f"`{label}.{key}`")
            if now is not value:
                if of_module:
                    space[key] = value
                    continue
                try:
                    _setattr(owner, key, value)
                except (AttributeError, TypeError):
                    pass
    for name, module in (("builtins", builtins), ("gc", gc), ("tracemalloc", tracemalloc),
                         ("_tracemalloc", _tracemalloc), ("sys", sys)):
        if sys.modules.get(name) is not module:
            changed.append(f"`sys.modules[{name!r}]`")
            sys.modules[name] = module
    return changed
