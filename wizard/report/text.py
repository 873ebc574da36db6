"""Small text helpers every renderer shares: numbers, minutes, dates and unsafe characters.

Tree text is the author's, and answers files and saved sessions may come from anywhere, so renderers that
produce a human-readable page (Markdown, HTML) drop control characters that would garble a terminal or a
browser; JSON and FHIR keep the text exactly and let the JSON encoder escape it.
"""

from __future__ import annotations

import re
from datetime import datetime

# C0 and C1 controls except tab and newline, DEL, bidirectional overrides and isolates (which can make
# text display in a different order than it is written), and lone surrogates (no file encoding holds them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def visible(text: object) -> str:
    """Text with control characters and lone surrogates shown as U+FFFD, so nothing hides or breaks."""
    return _UNSAFE.sub(REPLACEMENT, str(text))


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
