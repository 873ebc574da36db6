"""Tree text -> something safe to put on screen.

Every string from a tree file is shown as literal text: it is never parsed as Rich/Textual markup (so
`[@click=app.quit]` or a lone `[/` shows as typed and runs nothing), and unsafe characters are stripped
first by the one sanitizer every front end shares (`wizard.text`), so a tree cannot move the cursor,
recolour the terminal or reorder what a person reads. One helper, used by every screen.
"""

from __future__ import annotations

from textual.content import Content

from wizard.text import terminal_safe


def clean(text: object) -> str:
    """The text with tabs turned to spaces and every control, bidi or surrogate character removed."""
    return terminal_safe(str(text).replace("\t", " "))


def literal(*parts: str | tuple[str, str]) -> Content:
    """Literal Content from plain strings or (text, style) pairs; the styles are ours, the text is cleaned."""
    return Content.assemble(*(_clean_part(part) for part in parts))


def _clean_part(part: str | tuple[str, str]) -> str | tuple[str, str]:
    if isinstance(part, tuple):
        return clean(part[0]), part[1]
    return clean(part)
