"""Small text helpers every renderer shares: numbers, minutes, dates and unsafe characters.

Tree text is the author's, and answers files and saved sessions may come from anywhere, so renderers that
produce a human-readable page (Markdown, HTML) show unsafe characters as U+FFFD through the shared
sanitizer (`wizard.text.visible`); JSON and FHIR keep the text exactly and let the JSON encoder escape it.
"""

from __future__ import annotations

from datetime import datetime

from wizard.text import REPLACEMENT, visible

__all__ = ["REPLACEMENT", "minutes", "number", "one_line", "visible", "when"]


def one_line(text: object) -> str:
    """`visible` text with every run of whitespace (newlines too) folded into one space."""
    return " ".join(visible(text).split())


def number(value: float | int) -> str:
    """4.0 -> "4", 2.5 -> "2.5": no trailing ".0" in what people read."""
    return str(int(value)) if float(value).is_integer() else str(value)


def minutes(value: float | int) -> str:
    return f"{number(value)} min"


def when(moment: datetime) -> str:
    """The date and time people read: "2026-11-27 10:30 (UTC+01:00)"."""
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "local time"
    return f"{moment:%Y-%m-%d %H:%M} ({zone})"
