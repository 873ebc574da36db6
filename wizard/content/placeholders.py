"""The side placeholders authors may write in text a person reads, and the load-time check of their spelling.

A question marked `sets: side` asks which side is sore once; later text says `{side leg}` instead of asking
again or saying "the sore side" everywhere. The words are filled by `wizard.walk.side.fill`; this module only
knows the vocabulary, so the loader can refuse a misspelt placeholder at its line and column.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterator

PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")

# What a placeholder's parts mean: `{side}` is the sore side's adjective, `{other side}` the other one's;
# `{side X}` / `{other X}` add the body part X ("left leg", "sore leg", "other hip").
BODY_PARTS = ("leg", "hip", "foot", "knee", "buttock", "thigh", "hand")
SIDE_WORDS = ("side", "other side") + tuple(f"{w} {part}" for w in ("side", "other") for part in BODY_PARTS)
KNOWN = SIDE_WORDS + ("minutes",)  # `{minutes}`: the check's time estimate, "about 15 minutes"

# Which text fields of each node kind (and of catalogue exercises) may hold placeholders.
NODE_FIELDS = {
    "question": ("title", "text", "help"),
    "self_test": ("title", "text", "steps", "stop_rule", "positive_feels"),
    "measure": ("title", "text", "help"),
    "info": ("title", "text"),
}
EXERCISE_FIELDS = ("steps",)


def words(name: str) -> str:
    """The placeholder's name with a capital first letter allowed: `{Side leg}` starts a sentence."""
    return name[:1].lower() + name[1:]


def unknown_placeholders(data: object) -> Iterator[tuple[tuple, str]]:
    """(path, message) for every `{...}` in placeholder-bearing text that is not a known placeholder."""
    if not isinstance(data, dict):
        return
    for node_id, node in _items(data.get("nodes")):
        kind = node.get("kind") if isinstance(node, dict) else None
        yield from _scan(node, ("nodes", node_id), NODE_FIELDS.get(str(kind), ()))
        if kind == "question":
            for i, option in enumerate(node.get("options") or ()):
                yield from _scan(option, ("nodes", node_id, "options", i), ("label",))
    for entry_id, entry in _items(data.get("exercises")):
        yield from _scan(entry, ("exercises", entry_id), EXERCISE_FIELDS)


def _items(table: object) -> list:
    return list(table.items()) if isinstance(table, dict) else []


def _scan(owner: object, base: tuple, fields: tuple) -> Iterator[tuple[tuple, str]]:
    if not isinstance(owner, dict):
        return
    for name in fields:
        value = owner.get(name)
        texts = [(i, v) for i, v in enumerate(value)] if isinstance(value, list) else [(None, value)]
        for index, text in texts:
            for message in _problems(text):
                yield base + (name,) + (() if index is None else (index,)), message


def _problems(text: object) -> Iterator[str]:
    if not isinstance(text, str):
        return
    for match in PLACEHOLDER.finditer(text):
        if words(match.group(1)) not in KNOWN:
            close = difflib.get_close_matches(words(match.group(1)), KNOWN, n=1)
            hint = f" (did you mean {{{close[0]}}}?)" if close else ""
            parts = ", ".join(BODY_PARTS[1:])
            yield (f"unknown placeholder {{{match.group(1)}}}{hint}; known placeholders: {{side}}, {{other side}}, "
                   f"{{side leg}}, {{other leg}}, the same with {parts} instead of leg, and {{minutes}}")
