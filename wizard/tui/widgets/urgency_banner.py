"""The urgency banner on the result screen: colour for those who see it, words for everyone (NO_COLOR)."""

from __future__ import annotations

from textual.widgets import Static

from wizard.tui.safe_text import literal
from wizard.wording import NO_REFERRAL, URGENCY_WORDS


class UrgencyBanner(Static):
    DEFAULT_CSS = """
    UrgencyBanner { padding: 0 1; border: heavy $primary; text-style: bold; width: 100%; }
    UrgencyBanner.urgency-emergency, UrgencyBanner.urgency-urgent { border: heavy $error; background: $error 30%; }
    UrgencyBanner.urgency-routine { border: heavy $warning; background: $warning 20%; }
    UrgencyBanner.urgency-self-care, UrgencyBanner.urgency-none { border: heavy $success; background: $success 20%; }
    """

    def __init__(self, urgency: str | None) -> None:
        words = URGENCY_WORDS.get(urgency or "", NO_REFERRAL)
        marker = (urgency or "none").replace("_", "-")
        super().__init__(literal((words, "bold")), id="urgency", classes=f"urgency-{marker}", markup=False)
