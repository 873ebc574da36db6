"""The one sanitizer for text that came from outside: tree files, answers files, saved sessions.

Such text may carry escape sequences (ESC [ ... that move the cursor or retitle the window), C0/C1
controls, bidi marks and overrides (which make text read differently from what it is) and lone surrogates
(which no file encoding holds). Every front end and every human-readable export passes it through here:

- `terminal_safe` (strip mode) removes them: what the terminal front ends print and the app shows;
- `visible` (replace mode) shows each as U+FFFD, so a reader of an exported page sees that something was
  there. JSON and FHIR keep text exactly and let the JSON encoder escape it.

Tabs and newlines are kept in both modes; callers that need one line fold whitespace themselves.
"""

from __future__ import annotations

import re
from typing import Literal

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab and newline), DEL, C1
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
    "\ud800-\udfff]"  # lone surrogates
)
REPLACEMENT = "\ufffd"


def sanitize(text: object, mode: Literal["strip", "replace"] = "strip") -> str:
    """`str(text)` with every unsafe character removed (strip) or shown as U+FFFD (replace)."""
    return UNSAFE.sub("" if mode == "strip" else REPLACEMENT, str(text))


def terminal_safe(text: object) -> str:
    """The text with control, bidi and surrogate characters removed; tabs and newlines kept."""
    return sanitize(text, "strip")


def visible(text: object) -> str:
    """The text with control, bidi and surrogate characters shown as U+FFFD, so nothing hides or breaks."""
    return sanitize(text, "replace")
