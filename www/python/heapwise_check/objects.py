"""See your objects (issue 29): the objects a program's global names reach
when it has ended, as boxes and arrows with their sizes, for the page to
draw and to list as a table.

`picture(namespace)` walks from every global name of the program (or from
one name) with `gc.get_referents`, the collector's own view of what an
object refers to, and `sys.getsizeof`, the same two calls a deep-size walk
makes:

- each object is walked once, however many paths reach it, so an object
  shared by two names or by 50,000 list slots is one box with its arrows
  counted ("x 50,000"): sharing is what interning, flyweights and views are
  about;
- a weak reference (`weakref.ref`, its callbacks' kin) refers to its target
  only weakly: the collector does not list the target, and the picture
  draws that arrow apart (`"weak": True`), and counts the target in no deep
  size;
- each global name gets its deep size: the bytes of every object reachable
  from it, each counted once; `total` counts every object once over all
  the names together (two names sharing a list count it once there);
- what the walk leaves out: modules and their namespaces (the program's
  own `globals()` among them), classes, functions, methods and code (the
  program's definitions, not its data), and None, True, False, `...` and
  NotImplemented (everybody's). Their bytes are in no figure.

Many alike objects (the same type and shape: instances with the same
slots, dicts with the same string keys, tuples of one length, or ints,
floats, strs, bytes; first reached from the same global name) become one
box with a count, the size of each when
they all have one (else their sum), and a sample of a few of them, so 10,000
points read as one row. A named object always keeps a box of its own. The
walk stops, and says so in `stopped`, after MAX_OBJECTS objects or
MAX_SECONDS seconds (`stopped`: "after 300,000 objects"), inside one
object's referents too (a list of ten million is not sized item by item);
boxes past MAX_BOXES are put together by type.

What getsizeof does not see, the picture cannot weigh either: on CPython
3.11 and later an instance without `__slots__` keeps its attributes in a
values array of its own, counted by neither `getsizeof` nor the collector
until something asks for its `__dict__` (which then makes a dict):
10,000 instances of three attributes hold 88 to 96 bytes each under
tracemalloc where getsizeof says 48 (3.12.1, 3.13.0; a slotted one 56
and 56). The walk never asks (it reads the names of slots from the class,
never an instance's `__dict__`), so it changes nothing it draws; a box of
such instances says so (`"uncounted": True`: an instance of a class with
a `__dict__`, on 3.11 or later, none of whose referents is a dict). It
runs only after the program has ended, so it changes nothing the program
printed.
"""
import gc
import sys
import types
import weakref
from time import perf_counter

from .object_words import _labels, _shape, _short

MAX_OBJECTS = 300_000
MAX_SECONDS = 5.0  # in the page, 2 s walked about 80,000 objects: flyweight's 100,000 pixels were cut short
MAX_BOXES = 150
COLLAPSE = 4  # more alike objects than this become one box
SAMPLE = 3
LABELS = 4  # an arrow standing for at most this many named references says their names

_SKIPPED_TYPES = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                  types.CodeType, types.FrameType, types.GetSetDescriptorType, types.MemberDescriptorType,
                  types.WrapperDescriptorType, types.MethodDescriptorType, staticmethod, classmethod, property)
_SINGLETONS = (None, True, False, Ellipsis, NotImplemented)
_WEAK = (weakref.ref,)


_SINGLETON_IDS = frozenset(id(s) for s in _SINGLETONS)


def _skipped(obj):
    return id(obj) in _SINGLETON_IDS or isinstance(obj, _SKIPPED_TYPES)


def _size(obj):
    try:
        return sys.getsizeof(obj)
    except Exception:  # a broken __sizeof__ of the program's own
        return 0


def _uncounted(obj, referents):
    """Whether obj keeps attributes getsizeof does not count: an instance with a `__dict__`
    that was never made, on 3.11 and later (see the module's docstring)."""
    kind = type(obj)
    return (sys.version_info >= (3, 11) and kind.__module__ != "builtins" and kind.__dictoffset__ != 0
            and not any(type(r) is dict for r in referents))


def _referents(obj, namespaces):
    """(referent, weak) pairs of obj, the walk's skipped objects and the modules' namespaces
    (ids in `namespaces`) left out."""
    try:
        strong = gc.get_referents(obj)
    except Exception:
        strong = []
    found = [(r, False) for r in strong if not _skipped(r) and id(r) not in namespaces]
    if isinstance(obj, _WEAK):
        try:
            target = obj()
        except Exception:
            target = None
        if target is not None and not _skipped(target) and id(target) not in namespaces:
            found.append((target, True))
    return found


def picture(namespace, only=None, *, max_objects=MAX_OBJECTS, max_seconds=MAX_SECONDS, max_boxes=MAX_BOXES):
    """The picture of what `namespace`'s names reach (or the one name `only`). See the module's
    docstring; the answer:

    {"roots": [{"name", "box", "deep"}], "total", "objects", "stopped": None | str,
     "boxes": [{"id", "type", "count", "size", "each", "sample", "named", "uncounted"}],
     "arrows": [{"from", "to", "count", "weak", "label"}]}

    `size` is the box's bytes (all its objects), `each` their one size when they all have it
    (else None); an arrow's `label` names the references it stands for (`.x, .y`, `['key']`,
    `[0]`) when they are at most LABELS, all from one object, each with a name; else None."""
    started = perf_counter()
    if only is not None:
        roots = [(only, namespace[only])] if only in namespace else []
    else:
        roots = [(name, value) for name, value in list(namespace.items())
                 if not (name.startswith("__") and name.endswith("__"))]
    # A module's namespace reached from the program's data (a `globals()` kept, the builtins of an
    # exec'd namespace) is the interpreter's, as modules are: left out, the program's own included.
    namespaces = {id(namespace)} | {id(vars(m)) for m in list(sys.modules.values()) if hasattr(m, "__dict__")}
    roots = [(name, value) for name, value in roots if not _skipped(value) and id(value) not in namespaces]

    objects = []       # index -> object (kept alive while the walk runs, so ids stay theirs)
    sizes = []         # index -> sys.getsizeof, once
    index_of = {}      # id -> index
    refs = []          # index -> [(index, weak)]
    uncounted = set()  # indexes of instances whose attributes getsizeof leaves out
    named = {}         # index -> [names]
    deep = []
    seen_total = set()
    owner = {}         # index -> the first root (in `deep`) that reached it
    stopped = None
    visits = 0

    def add(obj):
        key = id(obj)
        found = index_of.get(key)
        if found is None:
            found = index_of[key] = len(objects)
            objects.append(obj)
            sizes.append(_size(obj))
            refs.append(None)
        return found

    for name, value in roots:
        start = add(value)
        named.setdefault(start, []).append(name)
        reached = {start}
        queue = [start]
        total = 0
        while queue and stopped is None:
            current = queue.pop()
            obj = objects[current]
            total += sizes[current]
            visits += 1
            if refs[current] is None:
                found = _referents(obj, namespaces)
                if _uncounted(obj, [r for r, weak in found if not weak]):
                    uncounted.add(current)
                # One object may hold millions (a list): the bounds hold inside it too.
                refs[current] = []
                for n, (r, weak) in enumerate(found):
                    if len(objects) >= max_objects:
                        stopped = f"after {len(objects):,} objects"
                        break
                    if n % 1024 == 1023 and perf_counter() - started > max_seconds:
                        stopped = f"after {max_seconds:g} s, at {len(objects):,} objects"
                        break
                    refs[current].append((add(r), weak))
            for target, weak in refs[current]:
                if not weak and target not in reached:
                    reached.add(target)
                    queue.append(target)
            if stopped is not None:
                pass
            elif visits >= max_objects:
                stopped = f"after {visits:,} objects"
            elif visits % 1024 == 0 and perf_counter() - started > max_seconds:
                stopped = f"after {max_seconds:g} s, at {visits:,} objects"
        deep.append({"name": name, "index": start, "deep": total})
        for i in reached - seen_total:
            owner[i] = len(deep) - 1
        seen_total |= reached
        if stopped is not None:
            break

    # Weak targets that nothing strong reaches still get a box (the arrow points somewhere).
    walked = [i for i in range(len(objects)) if i in seen_total or refs[i] is not None]
    for i in list(walked):
        for target, weak in refs[i] or ():
            if weak and target not in seen_total:
                walked.append(target)
    walked = list(dict.fromkeys(walked))
    total_bytes = sum(sizes[i] for i in seen_total)

    # Boxes: named objects alone; the rest by shape and by the first name
    # that reaches them, collapsed when many: 50,000 copies of five names
    # under one name and the five interned strings another holds 50,000
    # times are two boxes, not one of 50,005 strings.
    by_shape = {}
    for i in walked:
        if i not in named:
            by_shape.setdefault((_shape(objects[i]), owner.get(i)), []).append(i)
    box_of = {}
    boxes = []

    def new_box(members, kind):
        box = len(boxes)
        own = [sizes[m] for m in members]
        boxes.append({"id": box, "type": kind, "count": len(members), "size": sum(own),
                      "each": own[0] if len(set(own)) == 1 else None,
                      "sample": [_short(objects[m]) for m in members[:SAMPLE]],
                      "named": named.get(members[0], []) if len(members) == 1 else [],
                      "uncounted": any(m in uncounted for m in members)})
        for m in members:
            box_of[m] = box

    for i in walked:
        if i in named:
            new_box([i], _shape(objects[i])[0])
    singles = []
    for (shape, _), members in by_shape.items():
        if len(members) > COLLAPSE:
            new_box(members, shape[0])
        else:
            singles += members
    for i in sorted(singles):
        new_box([i], _shape(objects[i])[0])
    if len(boxes) > max_boxes:
        boxes, box_of = _merge_by_type(boxes, box_of, objects, max_boxes)

    arrows = {}
    for i in walked:
        labels = None
        for target, weak in refs[i] or ():
            if target not in box_of:
                continue
            key = (box_of[i], box_of[target], weak)
            if labels is None:
                labels = _labels(objects[i]) if boxes[box_of[i]]["count"] == 1 else {}
            arrow = arrows.get(key)
            if arrow is None:
                arrow = arrows[key] = {"from": key[0], "to": key[1], "count": 0, "weak": weak, "label": []}
            arrow["count"] += 1
            arrow["label"].append(labels.get(id(objects[target])))
    for arrow in arrows.values():
        names = arrow["label"]
        arrow["label"] = ", ".join(names) if len(names) <= LABELS and None not in names else None
    result = {"roots": [{"name": r["name"], "box": box_of[r["index"]], "deep": r["deep"]} for r in deep],
              "total": total_bytes, "objects": len(walked), "stopped": stopped,
              "boxes": boxes, "arrows": list(arrows.values())}
    del objects[:]
    return result


def _merge_by_type(boxes, box_of, objects, max_boxes):
    """Past max_boxes: the unnamed boxes of one type become one, the largest types first kept apart."""
    kept = [b for b in boxes if b["named"]]
    rest = [b for b in boxes if not b["named"]]
    by_type = {}
    for box in rest:
        by_type.setdefault(box["type"], []).append(box)
    merged = []
    for kind, group in by_type.items():
        count = sum(b["count"] for b in group)
        eaches = {b["each"] for b in group}
        merged.append(({"type": kind, "count": count, "size": sum(b["size"] for b in group),
                        "each": eaches.pop() if len(eaches) == 1 else None,
                        "sample": [s for b in group for s in b["sample"]][:SAMPLE], "named": [],
                        "uncounted": any(b["uncounted"] for b in group)},
                       [b["id"] for b in group]))
    merged.sort(key=lambda pair: -pair[0]["size"])
    room = max(1, max_boxes - len(kept) - 1)
    if len(merged) > room:
        head, tail = merged[:room], merged[room:]
        other = {"type": "other objects", "count": sum(m["count"] for m, _ in tail),
                 "size": sum(m["size"] for m, _ in tail), "each": None, "sample": [], "named": [],
                 "uncounted": any(m["uncounted"] for m, _ in tail)}
        merged = head + [(other, [i for _, ids in tail for i in ids])]
    new_boxes, old_to_new = [], {}
    for box in kept:
        old_to_new[box["id"]] = len(new_boxes)
        new_boxes.append(dict(box, id=len(new_boxes)))
    for box, old_ids in merged:
        for old in old_ids:
            old_to_new[old] = len(new_boxes)
        new_boxes.append(dict(box, id=len(new_boxes)))
    return new_boxes, {i: old_to_new[b] for i, b in box_of.items()}
