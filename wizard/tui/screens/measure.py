"""A measure: a number with a unit and a range, checked as it is typed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from wizard.content.answers import check_answer, parse_measure
from wizard.errors import AnswerError
from wizard.content.model import Measure
from wizard.tui import keymap
from wizard.tui.safe_text import clean, literal
from wizard.tui.screens.step_base import StepScreen, step_bindings
from wizard.tui.widgets.hold_timer import HoldTimer


class MeasureScreen(StepScreen):
    BINDINGS = step_bindings(keymap.MEASURE_TIMER)
    HELP_TOPIC = "measure"
    node: Measure

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Static(literal(self.node.text), id="text", markup=False)
            if self.node.help:
                yield Static(literal((self.node.help, "dim")), id="help", markup=False)
            yield Static(literal(("Range: ", "bold"), self._range()), id="range", markup=False)
            if self.node.cannot_do:
                yield Static(literal(("Type c for: ", "bold"), self.node.cannot_do), id="cannot", markup=False)
        if self.node.hold_seconds:
            yield HoldTimer(self.node.hold_seconds, key="Ctrl+T")
        previous = self.step.previous
        previous = "" if previous is None else "c" if previous == "cannot" else str(previous)
        yield Input(previous, placeholder=f"a number, {self._range()}", id="number")
        yield Static("", id="problem", markup=False)

    def _range(self) -> str:
        low, high = (f"{v:g}" for v in (self.node.min, self.node.max))
        whole = ", whole numbers" if self.node.integer else ""
        return clean(f"{low} to {high} {self.node.unit}{whole}")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "toggle_timer":
            return bool(self.node.hold_seconds)
        return super().check_action(action, parameters)

    def action_toggle_timer(self) -> None:
        self.query_one(HoldTimer).toggle()

    def problem(self, text: str) -> str | None:
        """Why `text` is not an acceptable answer, in words a person can act on; None when it is fine."""
        number = parse_measure(self.node, text)
        if number is None:
            return f"Type a number from {self._range()}." if text.strip() else None
        try:
            check_answer(self.node, number)
        except AnswerError as exc:
            return f"That does not fit: {exc}."
        return None

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show_problem(self.problem(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.problem(event.value) or (None if event.value.strip() else "Type a number first.")
        self._show_problem(problem)
        if problem is None:
            self.submit(parse_measure(self.node, event.value))

    def _show_problem(self, problem: str | None) -> None:
        message = self.query_one("#problem", Static)
        message.update(literal(("⚠ " + problem, "bold")) if problem else "")
        message.set_class(problem is not None, "shown")
