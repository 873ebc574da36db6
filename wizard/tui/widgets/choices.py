"""A numbered list of choices: number keys 1-9, arrows + Enter, or the mouse."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from wizard.tui.safe_text import literal


class Choices(OptionList):
    """An OptionList of (value, label) pairs; labels are tree text, shown literally and numbered."""

    def __init__(self, choices: Sequence[tuple[object, str | tuple]], chosen: object = None,
                 id: str = "choices") -> None:
        """`choices`: (value, label); a label is a string, or a tuple of parts for `literal` (text, styles)."""
        self.values = [value for value, _ in choices]
        options = (_option(n, label) for n, (_, label) in enumerate(choices, 1))
        super().__init__(*options, id=id, markup=False, compact=True)
        if chosen in self.values:
            self.highlighted = self.values.index(chosen)

    def show(self, choices: Sequence[tuple[object, str | tuple]], chosen: object = None) -> None:
        """Swap in another step's choices, the answer given before highlighted (else the first), so the walk
        screen reuses one list instead of mounting a new one per step."""
        self.values = [value for value, _ in choices]
        self.set_options(_option(n, label) for n, (_, label) in enumerate(choices, 1))
        if chosen in self.values:
            self.highlighted = self.values.index(chosen)
        else:
            self.action_first()

    def value_at(self, number: int) -> object | None:
        """The value behind the 1-based `number`, or None when there is no such choice."""
        return self.values[number - 1] if 1 <= number <= len(self.values) else None


def _option(number: int, label: str | tuple) -> Option:
    key = f"{number}  " if number <= 9 else "   "
    parts = label if isinstance(label, tuple) else (label,)
    return Option(literal((key, "bold"), *parts))
