"""A question: yes/no, one choice, or several choices with a clear "done"."""

from __future__ import annotations

from textual.widget import Widget

from wizard.content.model import Question
from wizard.tui.kinds.base import Kind
from wizard.tui.safe_text import literal
from wizard.tui.widgets.tick_list import TickList
from wizard.wording import YOUR_ANSWER


def _done_button(name: str) -> Widget:
    from textual.widgets import Button  # only checklists have one: Button brings 7 KB of CSS to parse
    return Button("Done", id=name, variant="primary")


class QuestionKind(Kind):
    node: Question

    @property
    def asks_warning_signs(self) -> bool:
        """A red-flag question, or a checklist whose options are warning signs."""
        return bool(self.node.red_flag) or any(o.red_flag for o in self.node.options)

    def fill(self) -> Widget:
        """The question; for warning signs the whole sign (its help says what counts), so none of it scrolls."""
        node = self.node
        self.screen.text("question", "text", literal(node.text))
        if node.help:
            area = "question" if self.asks_warning_signs else "details"
            self.screen.text(area, "help", literal((node.help, "dim")))
        if node.style == "multi":
            return self._checklist()
        self.list = self.screen.choices(self._choices(), self.step.previous)
        return self.list

    def _checklist(self) -> Widget:
        ticks = self.screen.part("answers", "ticks", lambda name: TickList([], id=name))
        assert isinstance(ticks, TickList)
        ticks.show([(o.value, o.label, o.exclusive) for o in self.node.options], self.step.previous or [])
        ticks.border_title = YOUR_ANSWER
        self.screen.part("answers", "done", _done_button)
        self.ticks = ticks
        return ticks

    def _choices(self) -> list[tuple[object, str]]:
        if self.node.style == "yes_no":
            return [(True, "Yes"), (False, "No")]
        return [(o.value, o.label) for o in self.node.options]

    def enables(self, action: str) -> bool:
        if action == "done":
            return self.node.style == "multi"
        if action == "none_of_these":
            return self.node.style == "multi" and self._none_option is not None
        if action == "yes_no":
            return self.node.style == "yes_no"
        return action == "pick"

    def pick(self, number: int) -> None:
        """Number keys: pick that option (one choice) or tick/untick it (several choices)."""
        if self.node.style == "multi":
            if 1 <= number <= len(self.node.options):
                self.ticks.toggle(self.node.options[number - 1].value)
            return
        value = self.list.value_at(number)
        if value is not None:
            self.screen.submit(value)

    def done(self) -> None:
        self.screen.submit(self.ticks.selected)

    def none_of_these(self) -> None:
        if self._none_option is not None:
            self.ticks.toggle(self._none_option)

    @property
    def _none_option(self) -> str | None:
        return next((o.value for o in self.node.options if o.exclusive), None)
