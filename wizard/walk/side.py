"""The sore side, asked once and used everywhere: `{side leg}` in author text becomes "left leg".

One pure function fills the placeholders (the vocabulary lives in `wizard.content.placeholders`); the
engine applies it to the node it shows and the result applies it to the plan, so every front end and every
summary reads the same words.
"""

from __future__ import annotations

import copy as _copy

from wizard.content.model import Library, Node, Option, Question
from wizard.content.placeholders import NODE_FIELDS, PLACEHOLDER, words

SIDES = ("left", "right", "both")
_OTHER = {"left": "right", "right": "left"}


def side_word(name: str, side: str | None) -> str:
    """One placeholder (without braces, e.g. `other leg`) in words for `side` (left, right, both or None)."""
    which, _, part = name.partition(" ")
    if which == "other":
        adjective = _OTHER.get(side or "", "other")
        part = "" if part == "side" else part
    else:
        adjective = side if side in _OTHER else "sore"
    return f"{adjective} {part}".strip()


def fill(text: str, side: str | None, minutes: str | None = None) -> str:
    """Author text with every placeholder filled: `{side}` left/right/sore, `{other side}` right/left/other,
    `{side leg}` "left leg" or "sore leg", `{Side leg}` capitalised for a sentence start (both sides sore,
    or not asked: "sore" and "other"); `{minutes}` the time estimate ("about 15 minutes")."""
    if "{" not in text:
        return text
    return PLACEHOLDER.sub(lambda m: _one(m.group(1), side, minutes), text)


def _one(name: str, side: str | None, minutes: str | None) -> str:
    filled = (minutes or "a few minutes") if words(name) == "minutes" else side_word(words(name), side)
    return filled[:1].upper() + filled[1:] if name[:1].isupper() else filled


def sore_side(library: Library, answers: dict) -> str | None:
    """The latest answer to a `sets: side` question among `answers` (left, right or both), or None."""
    found = None
    for qid, value in answers.items():
        if library.has_node(qid):
            node = library.node(qid)
            if isinstance(node, Question) and node.sets == "side" and value in SIDES:
                found = value
    return found


def personal(node: Node, side: str | None, minutes: str | None = None) -> Node:
    """The node as this person should read it: its text fields filled for their side (same qid)."""
    if not has_placeholders(node):
        return node
    return _personal(node, side, minutes)


def has_placeholders(node: Node) -> bool:
    fields = NODE_FIELDS.get(node.kind, ())
    return any("{" in _joined(getattr(node, f, None)) for f in fields + ("options",))


_MADE: dict[tuple[int, str | None, str | None], tuple[Node, Node]] = {}  # (id, side, minutes) -> (node, filled)


def _personal(node: Node, side: str | None, minutes: str | None) -> Node:
    """The filled copy, made once per node, side and time estimate. Keyed by identity and checked against
    the node itself (an id can be reused once a node is gone): hashing a node, as lru_cache did, and
    `dataclasses.replace` made the first screen generate the model's dataclass code (about 2 ms)."""
    key = (id(node), side, minutes)
    made = _MADE.get(key)
    if made is not None and made[0] is node:
        return made[1]
    changes = {f: _filled(getattr(node, f), side, minutes) for f in NODE_FIELDS[node.kind] if getattr(node, f, None)}
    if isinstance(node, Question) and node.options:
        changes["options"] = tuple(_changed(o, label=fill(o.label, side, minutes)) for o in node.options)
    if len(_MADE) >= 512:
        _MADE.clear()
    _MADE[key] = (node, _changed(node, **changes))
    return _MADE[key][1]


def _changed(record, **changes):
    """`dataclasses.replace` for the model's frozen records, without running their constructor (they have
    no `__post_init__`, so a copy with the fields set is the same record)."""
    copy = _copy.copy(record)
    for name, value in changes.items():
        object.__setattr__(copy, name, value)
    return copy


def _filled(value, side, minutes):
    return tuple(fill(t, side, minutes) for t in value) if isinstance(value, tuple) else fill(value, side, minutes)


def _joined(value) -> str:
    if isinstance(value, tuple):
        return " ".join(o.label if isinstance(o, Option) else str(o) for o in value)
    return value if isinstance(value, str) else ""


def personal_steps(steps: tuple[str, ...], side: str | None) -> tuple[str, ...]:
    """Catalogue exercise steps filled for this person's side."""
    return tuple(fill(step, side) for step in steps)
