"""A yes/no question from the app itself (quit, leave the emergency screen); the safe choice has focus."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.tui import keymap


class ConfirmScreen(ModalScreen[bool | None]):
    """Dismisses with True only when the person presses the `yes` button, False for the `no` button and None
    for Escape: for most questions Escape means no, but where both buttons go on (start afresh, keeping or
    discarding the old walk) it must mean neither."""

    BINDINGS = keymap.MODAL
    HELP_TOPIC = "confirm"
    # Its own styles: parsed when the screen is first shown, not before the first question (wizard.tcss)
    CSS = "ConfirmScreen { align: center middle; background: $background 60%; }"

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(self.no, id="no", variant="primary")
                yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_close(self) -> None:
        self.dismiss(None)
