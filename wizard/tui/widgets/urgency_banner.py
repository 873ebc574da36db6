"""The urgency banner on the result screen: colour for those who see it, words for everyone (NO_COLOR)."""

from __future__ import annotations

from textual.widgets import Static

from wizard.content.model import URGENCY_WORDS
from wizard.tui.safe_text import literal

NO_REFERRAL = "No referral: nothing you said needs a clinician, but see the advice on when to get help."


class UrgencyBanner(Static):
    def __init__(self, urgency: str | None) -> None:
        words = URGENCY_WORDS.get(urgency or "", NO_REFERRAL)
        marker = (urgency or "none").replace("_", "-")
        super().__init__(literal((words, "bold")), id="urgency", classes=f"urgency-{marker}", markup=False)
