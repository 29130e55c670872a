"""Running the program again from a check (`p.rerun`, through `_Rerunning`,
a part of `Program`): the run's globals, a replaced function or class, the
modules it imports seen through a view (`_importing_views`, `struct_view`),
and what the re-run printed (`Rerun`).
"""
import ast
import builtins
import contextlib
import gc
import importlib
import io
import sys
import types

import _tracemalloc

from .patterns import _concluded


class _ModuleView(types.ModuleType):
    """A module as a re-run program sees it: the attributes set on the
    view, and the real module's (read when asked, so always current) for
    the rest."""

    def __getattr__(self, attribute):
        return getattr(vars(self)["__heapwise_real__"], attribute)


def _importing_views(modules):
    """Builtins whose __import__ gives, for each module named in `modules`
    ({name: {attribute: make(real attribute)}}), a view of that module with
    those attributes replaced (Program.rerun)."""
    views = {}
    for module_name, replaced in modules.items():
        real = importlib.import_module(module_name)
        view = views[module_name] = _ModuleView(module_name)
        vars(view)["__heapwise_real__"] = real
        for attribute, make in replaced.items():
            setattr(view, attribute, make(getattr(real, attribute)))
    real_import = builtins.__import__

    def __import__(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and name in views:
            return views[name]
        return real_import(name, globals, locals, fromlist, level)

    space = dict(vars(builtins))
    space["__import__"] = __import__
    return space


def struct_view(formats):
    """The `struct` a re-run imports with other record formats, for
    `p.rerun(key, modules={"struct": struct_view({"<HIdB": "<HIdB3x"})})`:
    each format of `formats` ({format: the one used instead}; spaces do not
    count, a bytes format is read as ASCII) is replaced where `calcsize`,
    `pack`, `pack_into`, `unpack`, `unpack_from` and `iter_unpack` take a
    format, and where `Struct` is made; any other format is used as given.
    With a record three bytes longer, a program that takes its record's
    size from `struct` follows the change; one that typed the size in does
    not."""
    instead = {"".join(old.split()): new for old, new in formats.items()}

    def replaced(fmt):
        text = fmt.decode("ascii", "replace") if isinstance(fmt, (bytes, bytearray)) else fmt
        return instead.get("".join(text.split()), fmt) if isinstance(text, str) else fmt

    def taking_format(real):
        def function(fmt, *args, **kwargs):
            return real(replaced(fmt), *args, **kwargs)
        function.__name__ = function.__qualname__ = getattr(real, "__name__", "function")
        return function

    def struct_class(real):
        class Struct(real):
            def __new__(cls, format, *args, **kwargs):
                return real.__new__(cls, replaced(format), *args, **kwargs)

            def __init__(self, format, *args, **kwargs):
                real.__init__(self, replaced(format), *args, **kwargs)

        Struct.__module__ = real.__module__
        return Struct

    view = {name: taking_format for name in ("calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack")}
    view["Struct"] = struct_class
    return view


class Rerun:
    """What a re-run of the program printed (Program.rerun): `text`, its
    `lines`, `raised`, the name of the exception that ended it (None
    when it ran to its end or called sys.exit), and `replaced`, the
    program's top-level names it replaced."""

    __slots__ = ("text", "lines", "raised", "replaced")

    def __init__(self, text, raised, replaced=()):
        self.text = text
        self.lines = text.splitlines()
        self.raised = raised
        self.replaced = frozenset(replaced)

    def said(self, phrase):
        """True or False, what the last line saying `phrase` followed by
        True or False concludes; None if no line says it."""
        found = _concluded(self.lines, phrase)
        return None if found is None else found[1]


class _Rerunning:
    """The part of `Program` (program.py) that runs its source again."""

    def rerun(self, key, name=None, wrap=None, names=None, modules=None, opener=None, asserts=True, optional=None):
        """The program's source run again here, as `__main__`, and what it
        printed: a `Rerun`. With `name`, the top-level function or class of
        that name is replaced, right after the statement that defines it, by
        wrap(the program's own) (a wrap that changes a class in place may
        return None); a program whose answer follows from its own code then
        prints a different answer, a typed answer does not. `optional` maps
        more names to their wraps, each replaced so where the program
        defines it at the top level and left out where it does not (the
        Rerun's `replaced` says which were). `modules` maps a
        module's name to {attribute: make(the real one)}: the program's
        `import` of that module gives a view with those replaced (`sys`'s
        getsizeof, `pickle`'s loads). `names` go into the run's globals
        first. `opener` stands for `open` wherever the run opens a file: the
        program's `open`, `io.open` as its `import io` sees it, and the real
        `io.open` that `pathlib.Path.open` and `read_bytes` call (and 3.10's
        pathlib accessor's copy of it; put back after the run). With
        `asserts=False`, compiled without its `assert` statements (as
        `python -O` runs it), so a run that an honest assertion would stop
        reaches the lines after it. None when the program defines no top-level `name`. Kept by
        `key`: each re-run costs as much as the program. What the run changes
        of the interpreter's state (tracing, the collector, the recursion
        limit, hooks) is put back."""
        if key in self._reruns:
            return self._reruns[key]
        tree = ast.parse(self.source, self.filename)
        wraps = {**(optional or {}), **({} if name is None else {name: wrap})}
        places = []
        for replaced in wraps:
            at = next((i for i, node in enumerate(tree.body)
                       if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                       and node.name == replaced), None)
            if at is None and replaced == name:
                self._reruns[key] = None
                return None
            if at is not None:
                places.append((at, replaced))
        for at, replaced in sorted(places, reverse=True):
            tree.body.insert(at + 1, ast.parse(f"{replaced} = __heapwise_rerun__({replaced!r}, {replaced})").body[0])
        ast.fix_missing_locations(tree)
        program_file = self.names.get("__file__") or self.filename

        def replace(replaced, real):
            replacement = wraps[replaced](real)
            return real if replacement is None else replacement

        module = types.ModuleType("__main__")
        space = module.__dict__
        space.update({"__file__": program_file, "__builtins__": builtins, "__heapwise_rerun__": replace})
        if opener is not None:
            names = {"open": opener, **(names or {})}
            modules = dict(modules or {})
            modules["io"] = {**modules.get("io", {}), "open": lambda real: opener}
        if modules:
            space["__builtins__"] = _importing_views(modules)
        space.update(names or {})
        real_open = io.open
        # CPython 3.10's pathlib opens through `_NormalAccessor.open`, which
        # took `io.open` when the class was made: it is replaced there too.
        accessor = getattr(importlib.import_module("pathlib"), "_NormalAccessor", None) if opener else None
        accessor_open = vars(accessor).get("open") if accessor is not None else None
        if accessor_open is not real_open:
            accessor = None
        out = io.StringIO()
        raised = None
        limit, profile, trace = sys.getrecursionlimit(), sys.getprofile(), sys.gettrace()
        collecting, thresholds = gc.isenabled(), gc.get_threshold()
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = module
        with contextlib.redirect_stdout(out):
            try:
                if opener is not None:
                    io.open = opener
                if accessor is not None:
                    accessor.open = staticmethod(opener)
                exec(compile(tree, program_file, "exec", dont_inherit=True, optimize=-1 if asserts else 1), space)
            except SystemExit:
                pass
            except BaseException as error:  # what it printed before is what counts
                raised = type(error).__name__
            finally:
                io.open = real_open
                if accessor is not None:
                    accessor.open = accessor_open
                if _tracemalloc.is_tracing():
                    _tracemalloc.stop()
                sys.setrecursionlimit(limit)
                sys.setprofile(profile)
                sys.settrace(trace)
                (gc.enable if collecting else gc.disable)()
                gc.set_threshold(*thresholds)
                if main is None:
                    sys.modules.pop("__main__", None)
                else:
                    sys.modules["__main__"] = main
        space.clear()
        self._reruns[key] = Rerun(out.getvalue(), raised, (replaced for _, replaced in places))
        return self._reruns[key]
