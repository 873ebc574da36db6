"""A self-test: numbered steps, the stop rule up front, what a positive feels like, a hold timer, the result."""

from __future__ import annotations

from textual.widget import Widget

from wizard.content.model import SelfTest
from wizard.tui.kinds.base import Kind
from wizard.tui.safe_text import literal
from wizard.tui.widgets.hold_timer import HoldTimer
from wizard.wording import POSITIVE_FEELS, RESULT_LABELS, STOP_RULE, WHO, YOUR_RESULT


def hold_timer(screen, seconds: int | None, key: str) -> None:
    """The step's hold timer, stopped at zero; none when the step holds nothing."""
    if seconds:
        timer = screen.part("answers", "timer", lambda name: HoldTimer(seconds, key=key))
        timer.reset(seconds, key)


class SelfTestKind(Kind):
    HELP_TOPIC = "self_test"
    ACTIONS = frozenset({"pick"})
    node: SelfTest

    def fill(self) -> Widget:
        node, screen = self.node, self.screen
        screen.text("question", "text", literal(node.text))
        screen.text("details", "stop-rule", literal((f" {STOP_RULE} ", "bold reverse"), " ", (node.stop_rule, "bold")))
        screen.text("details", "steps", self._steps())
        screen.text("details", "positive", literal((POSITIVE_FEELS, "bold"), node.positive_feels))
        if node.who == "alone":
            screen.text("details", "who", literal((WHO[node.who], "dim")))
        else:  # needs (or is easier with) someone: before the steps, where it decides whether to start now
            screen.text("details", "helper", literal((WHO.get(node.who, node.who), "bold")))
        hold_timer(screen, node.hold_seconds, "t")
        self.list = screen.choices([(r, RESULT_LABELS[r]) for r in node.results], self.step.previous,
                                   title=YOUR_RESULT)
        return self.list

    def _steps(self):
        parts: list = []
        for number, text in enumerate(self.node.steps, 1):
            parts += [("\n" if number > 1 else "") + f"{number}. ", text]
        return literal(*parts)

    def enables(self, action: str) -> bool:
        if action == "toggle_timer":
            return bool(self.node.hold_seconds)
        return action == "pick"

    def pick(self, number: int) -> None:
        value = self.list.value_at(number)
        if value is not None:
            self.screen.submit(value)
