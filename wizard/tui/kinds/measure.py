"""A measure: a number with a unit and a range, checked as it is typed."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from wizard.content.answers import check_answer, parse_measure
from wizard.content.model import Measure
from wizard.errors import AnswerError
from wizard.tui.kinds.base import Kind
from wizard.tui.kinds.self_test import hold_timer
from wizard.tui.safe_text import clean, literal
from wizard.wording import does_not_fit, number_range, type_a_number


class NumberInput(Input):
    """A number field that leaves `?` to the screen (why is this asked?) instead of typing it: no number
    holds a question mark, and the README promises `?` as the why key everywhere."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != "?" and super().check_consume_key(key, character)


class MeasureKind(Kind):
    HELP_TOPIC = "measure"
    node: Measure

    def fill(self) -> Widget:
        node, screen = self.node, self.screen
        screen.text("question", "text", literal(node.text))
        if node.help:
            screen.text("details", "help", literal((node.help, "dim")))
        screen.text("details", "range", literal(("Range: ", "bold"), self._range()))
        if node.cannot_do:
            screen.text("details", "cannot", literal(("Type c for: ", "bold"), node.cannot_do))
        hold_timer(screen, node.hold_seconds, "Ctrl+T")  # the box takes `t`
        self.number = screen.part("answers", "number", lambda name: NumberInput(id=name))
        assert isinstance(self.number, Input)
        previous = self.step.previous
        self.number.placeholder = f"a number, {self._range()}"
        self.number.value = "" if previous is None else "c" if previous == "cannot" else str(previous)
        self.number.cursor_position = len(self.number.value)  # at the end, as in a new box
        self.message = screen.part("answers", "problem")
        self._show_problem(None)
        return self.number

    def _range(self) -> str:
        return clean(number_range(self.node.min, self.node.max, self.node.unit, self.node.integer))

    def enables(self, action: str) -> bool:
        return action == "toggle_measure_timer" and bool(self.node.hold_seconds)

    def problem(self, text: str) -> str | None:
        """Why `text` is not an acceptable answer, in words a person can act on; None when it is fine."""
        number = parse_measure(self.node, text)
        if number is None:
            node = self.node
            return clean(type_a_number(node.min, node.max, node.unit, node.integer)) if text.strip() else None
        try:
            check_answer(self.node, number)
        except AnswerError as exc:
            return does_not_fit(exc)
        return None

    def timed(self, seconds: int) -> None:
        """A measure in seconds (how long you stood on one leg) takes the stopped time, up to its top, into an
        empty box, selected: Enter takes it, typing (a number, or c for could not) replaces it. A count against
        the clock (chair stands in 30 seconds) is not a time and is left to the person."""
        box = self.number
        assert isinstance(box, Input)
        if self.node.unit == "seconds" and not box.value.strip():
            box.value = str(min(seconds, int(self.node.max)))
            box.selection = Selection(0, len(box.value))

    def typed(self, text: str) -> None:
        self._show_problem(self.problem(text))

    def entered(self, text: str) -> None:
        problem = self.problem(text) or (None if text.strip() else "Type a number first.")
        self._show_problem(problem)
        if problem is None:
            self.screen.submit(parse_measure(self.node, text))

    def _show_problem(self, problem: str | None) -> None:
        message = self.message
        assert isinstance(message, Static)
        message.update(literal(("⚠ " + problem, "bold")) if problem else "")
        message.set_class(problem is not None, "shown")
