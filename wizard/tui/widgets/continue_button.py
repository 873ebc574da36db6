"""A light "Continue" button for info steps: Enter, Space or a click.

Textual's Button brings 7 KB of default CSS that must be parsed before the first screen is drawn, and the
first step of most checks is an info step; this one costs a few lines of our own stylesheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Static

from wizard.tui import keymap


class ContinueButton(Static, can_focus=True):
    BINDINGS = keymap.CONTINUE

    @dataclass
    class Pressed(Message):
        """The person chose to continue."""

    def __init__(self, label: str = "Continue ▸", id: str = "continue") -> None:
        super().__init__(label, id=id, markup=False)

    def action_press(self) -> None:
        self.post_message(self.Pressed())

    def on_click(self) -> None:
        self.action_press()
