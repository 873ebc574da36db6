"""A self-test: numbered steps, the stop rule up front, what a positive feels like, a hold timer, the result."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import OptionList, Static

from wizard.content.model import SelfTest
from wizard.tui import keymap
from wizard.tui.safe_text import literal
from wizard.tui.widgets.choices import Choices
from wizard.tui.widgets.hold_timer import HoldTimer
from wizard.tui.screens.step_base import StepScreen, step_bindings
from wizard.wording import POSITIVE_FEELS, RESULT_LABELS, STOP_RULE, WHO


class SelfTestScreen(StepScreen):
    BINDINGS = step_bindings(keymap.PICK, keymap.TIMER)
    HELP_TOPIC = "self_test"
    node: SelfTest

    def compose_question(self) -> ComposeResult:
        yield Static(literal(self.node.text), id="text", markup=False)

    def compose_details(self) -> ComposeResult:
        yield Static(literal((f" {STOP_RULE} ", "bold reverse"), " ", (self.node.stop_rule, "bold")),
                     id="stop-rule", markup=False)
        yield Static(self._steps(), id="steps", markup=False)
        yield Static(literal((POSITIVE_FEELS, "bold"), self.node.positive_feels), id="positive", markup=False)
        yield Static(literal((WHO.get(self.node.who, self.node.who), "dim")), id="who", markup=False)

    def compose_answers(self) -> ComposeResult:
        if self.node.hold_seconds:
            yield HoldTimer(self.node.hold_seconds)
        results = Choices([(r, RESULT_LABELS[r]) for r in self.node.results], self.step.previous)
        results.border_title = "Your result"
        yield results

    def _steps(self):
        parts: list = []
        for number, text in enumerate(self.node.steps, 1):
            parts += [("\n" if number > 1 else "") + f"{number}. ", text]
        return literal(*parts)

    def on_mount(self) -> None:
        self.query_one(Choices).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "toggle_timer":
            return bool(self.node.hold_seconds)
        return super().check_action(action, parameters)

    def action_toggle_timer(self) -> None:
        self.query_one(HoldTimer).toggle()

    def action_pick(self, number: int) -> None:
        value = self.query_one(Choices).value_at(number)
        if value is not None:
            self.submit(value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit(self.query_one(Choices).values[event.option_index])
