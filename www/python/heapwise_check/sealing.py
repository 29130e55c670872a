"""The checker out of the program's reach: a watchman per run, an audit
hook the program can neither remove nor change, that judges whether the run
may be judged at all.

The program runs in the interpreter that then runs the checks, so anything
of the checker is an object it could find. What it cannot do is take back
an audit hook (`sys.addaudithook` has no inverse) or change one: assigning a
function's `__code__`, `__defaults__` or `__kwdefaults__` raises the audit
event `object.__setattr__` first, and the watchman refuses it for its own
functions, the harness's and the checks'.

Before the program runs, `seal` takes the watchman's record (record.py) of
everything the verdict depends on:

- every namespace the harness guards (guarding.py: builtins, gc,
  tracemalloc, sys's functions, this package's modules and classes) as it
  was when the package was imported, and the code, defaults and closures of
  every function of the package and of the check source;
- the checks, in order, with their code; the check source's module
  namespace and the contents of its containers (a check's memo);
- `gc.callbacks`, the trace and profile functions and the `sys.monitoring`
  tools in use.

The watchman is installed the moment the program has run (`arm`), not
before: with any audit hook installed, CPython builds an argument tuple and
an event name at every audited event (an `open`, an import, the harness's
own `sys._getframe`), and those few allocations moved the small figures
programs measure (collection-pauses' "held right after del": 240 bytes
without a hook, 88 with one). While the program runs, `sys.addaudithook`
is a stand-in that refuses in words. Once armed, the watchman refuses a
change to a function of the checker, compares the record after the
program and after each check, and puts back what it can. Anything found
changed (the checker's code, the checks, their variables), a hook (trace,
profile, monitoring, collector callback) the program left behind, or the
program's code setting one from inside the checker's own code, makes the
run "not judged". The harness tells the watchman what it does with audit
events of its own (`heapwise.*`, each with the run's token); each check's
result is handed to the watchman as the check ends, and the verdict is made
from those copies.

The verdict is asked for by `run_exercise`, with the `sys.audit` and the
functions it bound before the program ran (`verdict(result, audit)`). The
watchman compares everything once more, builds the result again from its
own copies (the checks' results, `ok`) and hands it back as a copy made of
plain dicts, lists, text and numbers, which no code of the program can
change or run from afterwards.

What it cannot see: a program written to defeat it, with the collector's
lists of every object, can still find the record and the watchman's
working lists before the watchman is armed, and write into them. The fresh
interpreter of every run bounds what that buys: nothing outlives the run,
and the verdict is a self-check for the student, not an exam (README, "How
a verdict is reached").
"""
import functools
import gc
import os
import sys

from . import guarding
from .record import _compare, _contents, _function_record, _functions_of, _hooks_now, _restore_hooks, _verdict

# The check source's module name (loading.py).
CHECKS_MODULE = "heapwise_exercise_checks"

_EVENTS_THAT_HOOK = frozenset({"sys.settrace", "sys.setprofile", "sys._settraceallthreads",
                               "sys._setprofileallthreads", "sys.monitoring.register_callback"})
_HOOK_WORDS = {"sys.settrace": "set a trace function (sys.settrace)",
               "sys._settraceallthreads": "set a trace function (sys.settrace)",
               "sys.setprofile": "set a profile function (sys.setprofile)",
               "sys._setprofileallthreads": "set a profile function (sys.setprofile)",
               "sys.monitoring.register_callback": "registered a sys.monitoring callback"}

# Where the harness's code lives: a frame of a file under it is the checker's.
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def seal(checks, check_space, program_file):
    """This run's watchman (an audit hook) with its record of what the
    verdict depends on, taken now, before the program runs. Returns
    (token, arm, refuse_hooks): the token the harness's own events carry;
    `arm(program_code)`, which installs the watchman, called the moment the
    program has run (an audit hook costs every audited event a few
    allocations, which would move the small figures a program measures, so
    none is installed while it runs); and the stand-in for
    `sys.addaudithook` while the program runs, which refuses in words."""
    token = object()
    monitoring = getattr(sys, "monitoring", None)
    harness = tuple((label, owner, tuple(kept.items())) for label, owner, kept in guarding._PRISTINE)
    functions = []
    for label, owner in guarding._harness_modules():
        functions += _functions_of(vars(owner), owner.__name__)
    if check_space is not None:
        functions += _functions_of(check_space, check_space.get("__name__", CHECKS_MODULE))
    functions = tuple(_function_record(f) for f in dict.fromkeys(functions))
    ours = frozenset(id(record[0]) for record in functions)
    check_items = tuple((key, value, _contents(value)) for key, value in (check_space or {}).items())
    record = (
        token,
        harness,
        functions,
        tuple((name, function, function.__code__) for name, function in checks),
        (check_space, check_items),
        tuple(gc.callbacks),
        _hooks_now(monitoring),
        tuple((name, sys.modules.get(name)) for name in ("builtins", "gc", "sys", "tracemalloc", "_tracemalloc")),
        program_file,
    )
    # state: [phase, the program's code object, reentered, done]
    state = [None, None, False, False]
    log = []  # what the watchman saw, in words ("replaced `x`"), in order
    ran = []  # (index, passed, message) of each check as it ended
    watchman, env = _make_watchman(record, ours, monitoring, state, log, ran)

    def addaudithook(hook):
        log.append("added an audit hook (sys.addaudithook)")
        raise RuntimeError("a program run in Heapwise cannot add an audit hook: it would run inside the checker")

    arm = functools.partial(_arm, watchman, env, watchman.__code__, state, token, sys.addaudithook, sys.audit)
    return token, arm, addaudithook


def _arm(watchman, env, code, state, token, add, audit, program_code):
    """Installs a run's watchman, the program having run (`program_code`:
    its module's code, None when it never started). Its code and defaults
    are set again first: nothing guarded them while the program ran."""
    watchman.__code__ = code
    watchman.__defaults__ = (env,)
    state[1] = program_code
    state[0] = "harness"
    add(watchman)
    answered = []
    audit("heapwise.installed", token, answered)
    if not answered:
        raise RuntimeError("the run's watchman could not be installed (an audit hook refused it)")


def _make_watchman(record, ours, monitoring, state, log, ran):
    """The audit hook of one run. Everything it uses is bound to it, as its
    one default (which the program cannot reassign: the hook refuses a
    change to itself as to any function of the checker), not looked up in
    a namespace the program could write."""

    def watchman(event, args, _env=None):
        try:
            (_record, _ours, _monitoring, _state, _log, _ran, _getframe, _compare, _verdict, _restore_hooks,
             _who_calls, _HOOKING, _WORDS, _SEAL, _id, _str, _bool, _len, _getattr, _SELF) = _env
        except (TypeError, ValueError):
            return  # an earlier run's watchman whose defaults its program broke once it was done
        if _state[3] or _state[2]:
            return  # this run is over, or the watchman itself is at work
        if event == "object.__setattr__" or event == "object.__delattr__":
            # The checker's functions, and every run's watchman (the one code they share).
            if _id(args[0]) in _ours or _getattr(args[0], "__code__", None) is _SELF:
                name = args[1]
                _log.append(f"tried to change `{_getattr(args[0], '__qualname__', '?')}.{name}`")
                raise RuntimeError(f"Heapwise: the checker's functions cannot be changed ({name}).")
            return
        if event == "sys.addaudithook":
            if _state[0] is not None and _getframe(1).f_code is not _SEAL:
                _log.append("added an audit hook (sys.addaudithook)")
                raise RuntimeError("Heapwise: a program run here cannot add an audit hook.")
            return
        if event in _HOOKING:
            if _state[0] is not None and _who_calls(_getframe(1), _state, _record) == "inside":
                _log.append(f"{_WORDS[event]} from code that ran inside the checker")
            return
        if not event.startswith("heapwise."):
            return
        if event == "heapwise.verdict":
            # Asked by the caller of run_exercise, after it returned: no token.
            result, out = args
            _state[2] = True
            try:
                out.append(_verdict(result, _record, _monitoring, _state, _log, _ran))
            finally:
                _state[2] = False
                _state[3] = True
            return
        if not args or args[0] is not _record[0]:
            return  # not this run's harness
        _state[2] = True
        try:
            if event == "heapwise.phase":
                _state[0] = args[1]  # the program's code is set by _arm
            elif event == "heapwise.checkpoint":
                # After the program, and after each check.
                after_program = args[1] == "program"
                _compare(_record, _log, check_space=after_program, namespaces=False)
                _restore_hooks(_record, _monitoring, _log, after_program)
            elif event == "heapwise.installed":
                args[1].append(True)
            elif event == "heapwise.changed":
                for name in args[1]:
                    _log.append(f"replaced {name}")
            elif event == "heapwise.check":
                index, function = args[1], args[2]
                checks = _record[3]
                if index >= _len(checks) or checks[index][1] is not function \
                        or function.__code__ is not checks[index][2]:
                    _log.append("changed which checks run")
            elif event == "heapwise.checked":
                _ran.append((args[1], _bool(args[2]), _str(args[3])))
        finally:
            _state[2] = False

    env = (record, ours | {id(watchman)}, monitoring, state, log, ran, sys._getframe, _compare, _verdict,
           _restore_hooks, _who_calls, _EVENTS_THAT_HOOK, _HOOK_WORDS, _arm.__code__, id, str, bool, len, getattr,
           watchman.__code__)
    watchman.__defaults__ = (env,)
    return watchman, env


def _who_calls(frame, state, record):
    """Whose code set a hook, from the frames that led to the call:
    "program" (the program's module is running: the program itself, or
    code it called, through the harness's stand-ins too; or a thread of
    its own), "checks" (a check calling the program's code) or "inside"
    (the program's code run from the checker's own code with neither on
    the stack: a hook it left, a `__del__`, a collector callback)."""
    program_file, program_code = record[8], state[1]
    seen_program = seen_harness = False
    while frame is not None:
        code = frame.f_code
        if code is program_code:
            return "program"
        if code.co_filename == program_file:
            seen_program = True
        elif code.co_filename == "check.py":
            return "checks"
        elif code.co_filename.startswith(_PACKAGE_DIR):
            seen_harness = True
        frame = frame.f_back
    if seen_program and seen_harness:
        return "inside"
    return "program" if seen_program else "harness"


def verdict(result, audit):
    """The verified result (a dict of plain copies) of a run_exercise call:
    `audit` is the `sys.audit` the caller took before the run."""
    out = []
    audit("heapwise.verdict", result, out)
    if not out:
        raise RuntimeError("no watchman answered: run_exercise was not called, or ran in another interpreter")
    return out[-1]
