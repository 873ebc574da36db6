"""Tree text -> something safe to put on screen.

Every string from a tree file is shown as literal text: it is never parsed as Rich/Textual markup (so
`[@click=app.quit]` or a lone `[/` shows as typed and runs nothing), and terminal control characters (C0
including ESC, DEL, C1) and bidi overrides are stripped first, so a tree cannot move the cursor, recolour
the terminal or reorder what a person reads. One helper, used by every screen.
"""

from __future__ import annotations

import re

from textual.content import Content

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: object) -> str:
    """The text with tabs turned to spaces and every control or bidi character removed."""
    return _CONTROLS.sub("", str(text).replace("\t", " "))


def literal(*parts: str | tuple[str, str]) -> Content:
    """Literal Content from plain strings or (text, style) pairs; the styles are ours, the text is cleaned."""
    return Content.assemble(*(_clean_part(part) for part in parts))


def _clean_part(part: str | tuple[str, str]) -> str | tuple[str, str]:
    if isinstance(part, tuple):
        return clean(part[0]), part[1]
    return clean(part)
