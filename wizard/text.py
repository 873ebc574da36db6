"""Make author and user text safe to print on a terminal.

Tree files, answers files and saved sessions may carry escape sequences (ESC [ ... that move the cursor or
retitle the window), C1 controls and bidi overrides (which make text read differently from what it is).
Every front end that prints such text passes it through `terminal_safe` first.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab and newline), DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks (Arabic letter mark too), overrides, isolates
    "\ud800-\udfff]"  # lone surrogates
)


def terminal_safe(text: object) -> str:
    """The text with control, bidi-override and surrogate characters removed; tabs and newlines kept."""
    return _CONTROLS.sub("", str(text))
