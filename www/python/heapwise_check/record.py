"""The watchman's record (sealing.py): what `seal` takes of each thing the
verdict depends on (the package's functions, the check source's
containers, the hooks in use), comparing the interpreter with it and
putting it back (`_compare`, `_restore_hooks`), and the verdict the
watchman makes from its own copies (`_verdict`, `_plain`).
"""
import gc
import sys
import types


TAMPER_CHECK = "your program leaves the checker and its measuring tools as they were"


def _functions_of(space, module_name):
    """The functions a namespace defines (module-level and its classes'
    methods, properties' accessors), as a tuple."""
    found = []
    for value in list(space.values()):
        if isinstance(value, types.FunctionType) and value.__module__ == module_name:
            found.append(value)
        elif isinstance(value, type) and value.__module__ == module_name:
            for member in list(vars(value).values()):
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if isinstance(member, property):
                    found += [f for f in (member.fget, member.fset, member.fdel) if isinstance(f, types.FunctionType)]
                elif isinstance(member, types.FunctionType):
                    found.append(member)
    return found


def _function_record(function):
    """What must stay the same of a function: its code, defaults and the
    contents of its closure."""
    cells = function.__closure__ or ()
    contents = []
    for cell in cells:
        try:
            contents.append(cell.cell_contents)
        except ValueError:  # an empty cell
            contents.append(_EMPTY)
    kw = function.__kwdefaults__
    return (function, function.__code__, function.__defaults__, tuple(kw.items()) if kw else None, cells,
            tuple(contents))


_EMPTY = object()


def _contents(value):
    """A shallow copy of a container's contents, as a tuple (None for anything else)."""
    kind = type(value)
    if kind is dict:
        return tuple(value.items())
    if kind in (list, set, frozenset, tuple):
        return tuple(value)
    return None


def _hooks_now(monitoring):
    """The trace and profile functions and the monitoring tools in use."""
    tools = tuple(monitoring.get_tool(i) for i in range(6)) if monitoring is not None else ()
    return (sys.gettrace(), sys.getprofile(), tools)


def _compare(record, log, check_space, namespaces):
    """Logs (and puts back) what differs from the record: the functions and
    the modules; the guarded namespaces when `namespaces` (once the harness
    has taken its own stand-ins and recorders out); the check source's
    namespace when `check_space`."""
    for label, owner, kept in record[1] if namespaces else ():
        space = vars(owner)
        for key, value in kept:
            if space.get(key, _EMPTY) is not value:
                log.append(f"replaced `{label}.{key}`")
                try:
                    setattr(owner, key, value)
                except (AttributeError, TypeError):
                    pass
    for function, code, defaults, kwdefaults, cells, contents in record[2]:
        kw = function.__kwdefaults__
        if function.__code__ is not code or function.__defaults__ is not defaults \
                or (tuple(kw.items()) if kw else None) != kwdefaults:
            log.append(f"changed the code of `{function.__qualname__}`")
            function.__code__ = code
            function.__defaults__ = defaults
            function.__kwdefaults__ = dict(kwdefaults) if kwdefaults else None
        for cell, content in zip(cells, contents):
            try:
                now = cell.cell_contents
            except ValueError:
                now = _EMPTY
            if now is not content:
                log.append(f"changed a variable of `{function.__qualname__}`")
                if content is not _EMPTY:
                    cell.cell_contents = content
    for name, module in record[7]:
        if sys.modules.get(name) is not module:
            log.append(f"replaced `sys.modules[{name!r}]`")
            sys.modules[name] = module
    if check_space:
        space, items = record[4]
        if space is not None:
            if len(space) != len(items):
                log.append("changed the checks' own variables")
            for key, value, contents in items:
                if space.get(key, _EMPTY) is not value or (contents is not None and _contents(value) != contents):
                    log.append(f"changed the checks' variable `{key}`")


def _restore_hooks(record, monitoring, log, report):
    """Puts back `gc.callbacks`, the trace and profile functions and the
    monitoring tools as they were before the program; says what the
    program had left when `report`."""
    callbacks = record[5]
    if tuple(gc.callbacks) != callbacks:
        if report:
            log.append("left a function in gc.callbacks")
        gc.callbacks[:] = callbacks
    trace, profile, tools = record[6]
    now_trace, now_profile, now_tools = _hooks_now(monitoring)
    if now_trace is not trace:
        if report:
            log.append("left a trace function set (sys.settrace)")
        sys.settrace(trace)
    if now_profile is not profile:
        if report:
            log.append("left a profile function set (sys.setprofile)")
        sys.setprofile(profile)
    for tool, (before, after) in enumerate(zip(tools, now_tools)):
        if before is None and after is not None:
            if report:
                log.append(f"left a sys.monitoring tool registered ({after!s})")
            monitoring.set_events(tool, 0)
            monitoring.free_tool_id(tool)


def _verdict(result, record, monitoring, state, log, ran):
    """The result to hand back, as JSON text: compared once more, the
    checks' results and `ok` from the watchman's own copies."""
    if state[0] != "done":
        log.append("stopped the checker before it finished")
    _compare(record, log, check_space=False, namespaces=True)
    _restore_hooks(record, monitoring, log, report=True)
    checks = [{"name": str(c.get("name", "")), "passed": False, "message": str(c.get("message", ""))}
              for c in list(result.get("checks", ()))]
    names = [name for name, _, _ in record[3]]
    error = result.get("error")
    if ran:
        if len(ran) != len(names) or [i for i, _, _ in ran] != list(range(len(names))):
            log.append("changed which checks run")
        checks = [{"name": names[i] if i < len(names) else "?", "passed": passed, "message": message}
                  for i, passed, message in ran]
    elif names and error is None:
        # None ran: right only when the program never started (the harness
        # then reports them all failed without running them).
        log.append("stopped the checks from running")
    seen = list(dict.fromkeys(log))
    if seen:
        checks.insert(0, {
            "name": TAMPER_CHECK,
            "passed": False,
            "message": ("Not judged: your program " + "; ".join(seen[:5])
                        + (f"; and {len(seen) - 5} more" if len(seen) > 5 else "")
                        + ". The checks run in the same Python as your program, so a run that changes the "
                        "checker, its measuring tools or the hooks Python calls cannot be judged: remove "
                        "that code and run again."),
        })
    out = dict(result)
    out["checks"] = checks
    out["ok"] = error is None and all(c["passed"] for c in checks)
    out["judged"] = not seen
    return _plain(out)


def _plain(value, _type=type, _str=str.__str__, _int=int.__index__, _float=float.__float__, depth=0):
    """A copy of `value` made of new dicts, lists, text, numbers, True,
    False and None only (no code of the program runs while it is made, or
    later when the caller reads it); anything else becomes its type's name."""
    kind = _type(value)
    if value is None or value is True or value is False:
        return value
    if isinstance(value, str):
        return _str(value)
    if isinstance(value, int):
        return _int(value)
    if isinstance(value, float):
        return _float(value)
    if depth > 20:
        return "…"
    if isinstance(value, dict):
        return {(_str(k) if isinstance(k, str) else f"<{_type(k).__name__}>"): _plain(v, depth=depth + 1)
                for k, v in dict.items(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth=depth + 1) for v in (list.__iter__(value) if isinstance(value, list)
                                                     else tuple.__iter__(value))]
    return f"<{kind.__name__}>"
