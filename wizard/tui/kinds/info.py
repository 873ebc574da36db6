"""An info step: text to read, then Continue."""

from __future__ import annotations

from textual.widget import Widget

from wizard.content.model import Info
from wizard.tui.kinds.base import Kind
from wizard.tui.safe_text import literal
from wizard.tui.widgets.continue_button import ContinueButton


class InfoKind(Kind):
    HELP_TOPIC = "info"
    node: Info

    def fill(self) -> Widget:
        self.screen.text("details", "text", literal(self.node.text))
        return self.screen.part("answers", "continue", lambda name: ContinueButton(id=name))
