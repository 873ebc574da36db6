"""A question: yes/no, one choice, or several choices with a clear "done"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Button, OptionList, Static

from wizard.content.model import Question
from wizard.tui import keymap
from wizard.tui.safe_text import literal
from wizard.tui.widgets.choices import Choices
from wizard.tui.widgets.tick_list import TickList
from wizard.tui.screens.step_base import StepScreen, step_bindings


class QuestionScreen(StepScreen):
    BINDINGS = step_bindings(keymap.PICK, keymap.YES_NO, keymap.MULTI)
    node: Question

    @property
    def asks_warning_signs(self) -> bool:
        """A red-flag question, or a checklist whose options are warning signs."""
        return bool(self.node.red_flag) or any(o.red_flag for o in self.node.options)

    def compose_question(self) -> ComposeResult:
        """The question; for warning signs the whole sign (its help says what counts), so none of it scrolls."""
        yield Static(literal(self.node.text), id="text", markup=False)
        if self.node.help and self.asks_warning_signs:
            yield Static(literal((self.node.help, "dim")), id="help", markup=False)

    def compose_details(self) -> ComposeResult:
        if self.node.help and not self.asks_warning_signs:
            yield Static(literal((self.node.help, "dim")), id="help", markup=False)

    def compose_answers(self) -> ComposeResult:
        if self.node.style == "multi":
            ticks = TickList([(o.value, o.label, o.exclusive) for o in self.node.options])
            ticks.tick(self.step.previous or [])
            yield ticks
            yield Button("Done", id="done", variant="primary")
        else:
            yield Choices(self._choices(), self.step.previous)

    def _choices(self) -> list[tuple[object, str]]:
        if self.node.style == "yes_no":
            return [(True, "Yes"), (False, "No")]
        return [(o.value, o.label) for o in self.node.options]

    def on_mount(self) -> None:
        self.query_one("#choices").focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "done":
            return self.node.style == "multi"
        if action == "yes_no":
            return self.node.style == "yes_no"
        return super().check_action(action, parameters)

    def action_pick(self, number: int) -> None:
        """Number keys: pick that option (one choice) or tick/untick it (several choices)."""
        if self.node.style == "multi":
            self._toggle(number)
            return
        value = self.query_one(Choices).value_at(number)
        if value is not None:
            self.submit(value)

    def action_yes_no(self, value: bool) -> None:
        self.submit(value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(self.query_one(Choices).values[event.option_index])

    def _toggle(self, number: int) -> None:
        if 1 <= number <= len(self.node.options):
            self.query_one(TickList).toggle(self.node.options[number - 1].value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "done":
            self.action_done()

    def action_done(self) -> None:
        self.submit(self.query_one(TickList).selected)
