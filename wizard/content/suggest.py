""""Did you mean" for ids: the known id most like a mistyped one.

One helper for every message about an unknown node, tree, catalogue entry or condition reference, so
authors get the same hint everywhere (field names in the schema have their own, in schema_check).
"""

from __future__ import annotations

import difflib
from typing import Iterable


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known id most like `word` (a likely typo), or None when none is close."""
    close = difflib.get_close_matches(str(word), [str(k) for k in known], n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """"; did you mean 'x'?" for the closest known id, or nothing when none is close."""
    close = closest(word, known)
    return f"; did you mean '{close}'?" if close else ""
