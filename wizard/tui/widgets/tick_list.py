"""Several choices with a visible tick: "[x]" and "[ ]" in characters, so the state reads without colour.

Textual's SelectionList draws the same box for ticked and unticked items and tells them apart by colour
only, which NO_COLOR and some screen readers lose. Enter, a click or a number key ticks and unticks; past
the ninth option, "None of these" is shown with its key 0 (which ticks it in any checklist).
"""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from wizard.tui.safe_text import literal


class TickList(OptionList):
    def __init__(self, choices: list[tuple[str, str, bool]], id: str = "choices") -> None:
        """`choices`: (value, label, exclusive) in order; exclusive ones ("none of these") stand alone."""
        self._take(choices)
        super().__init__(*self._options_now(), id=id, markup=False, compact=True)

    def show(self, choices: list[tuple[str, str, bool]], ticked) -> None:
        """Another checklist in the same widget (the walk screen keeps one), with `ticked` ticked."""
        self._take(choices)
        for value in ticked:
            if value not in self.ticked:
                self._flip(value)
        self.set_options(self._options_now())
        self.action_first()

    def _take(self, choices: list[tuple[str, str, bool]]) -> None:
        self.values = [value for value, _, _ in choices]
        self.labels = {value: label for value, label, _ in choices}
        self.exclusive = {value for value, _, alone in choices if alone}
        self.ticked: list[str] = []

    def _options_now(self) -> list[Option]:
        return [Option(self._prompt(n, v)) for n, v in enumerate(self.values, 1)]

    @property
    def selected(self) -> list[str]:
        """The ticked values, in the order of the options."""
        return [v for v in self.values if v in self.ticked]

    def tick(self, values) -> None:
        for value in values:
            if value not in self.ticked:
                self.toggle(value)

    def toggle(self, value: str) -> None:
        self._flip(value)
        for number, each in enumerate(self.values, 1):
            self.replace_option_prompt_at_index(number - 1, self._prompt(number, each))

    def _flip(self, value: str) -> None:
        if value in self.ticked:
            self.ticked.remove(value)
        else:
            self.ticked = [v for v in self.ticked if not self._clash(value, v)] + [value]

    def _clash(self, new: str, old: str) -> bool:
        return new in self.exclusive or old in self.exclusive

    def _prompt(self, number: int, value: str):
        box = "[x] " if value in self.ticked else "[ ] "
        key = f"{number}  " if number <= 9 else "0  " if value in self.exclusive else "   "
        return literal((key, "bold"), (box, "bold"), self.labels[value])

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(self.values[event.option_index])
