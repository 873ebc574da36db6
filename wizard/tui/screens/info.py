"""An info step: text to read, then Continue."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from ...model import Info
from ..safe_text import literal
from .step_base import StepScreen, step_bindings


class InfoScreen(StepScreen):
    BINDINGS = step_bindings()
    HELP_TOPIC = "info"
    node: Info

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Static(literal(self.node.text), id="text", markup=False)
        yield Button("Continue", id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit(True)
