"""An info step: text to read, then Continue."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from wizard.content.model import Info
from wizard.tui.safe_text import literal
from wizard.tui.widgets.continue_button import ContinueButton
from wizard.tui.screens.step_base import StepScreen, step_bindings


class InfoScreen(StepScreen):
    BINDINGS = step_bindings()
    HELP_TOPIC = "info"
    node: Info

    def compose_details(self) -> ComposeResult:
        yield Static(literal(self.node.text), id="text", markup=False)

    def compose_answers(self) -> ComposeResult:
        yield ContinueButton()

    def on_mount(self) -> None:
        self.query_one(ContinueButton).focus()

    def on_continue_button_pressed(self, event: ContinueButton.Pressed) -> None:
        event.stop()
        self.submit(True)
