"""What a node kind does on the walk screen: fill the frame for one step and answer the keys it uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.tui.step import Step

if TYPE_CHECKING:
    from textual.widget import Widget

    from wizard.tui.screens.walk import WalkScreen


class Kind:
    """One step of one node kind on `screen`. Made afresh for every step (the screen keeps the widgets; a
    kind only refers to the ones it filled), so nothing of one step's state can reach the next."""

    HELP_TOPIC = "question"
    ACTIONS: frozenset[str] = frozenset()  # the screen's answer keys (actions) this kind uses

    def __init__(self, screen: WalkScreen, step: Step) -> None:
        self.screen, self.step, self.node = screen, step, step.node

    def fill(self) -> Widget:
        """Put this step's texts and answer widgets in the screen's parts; return the widget to focus."""
        raise NotImplementedError

    def enables(self, action: str) -> bool:
        return action in self.ACTIONS

    def pick(self, number: int) -> None:
        """Number key `number`."""

    def done(self) -> None:
        """`d` or the Done button (checklists)."""

    def none_of_these(self) -> None:
        """`0` (checklists): tick or untick the list's "None of these"."""

    def typed(self, text: str) -> None:
        """The answer box now holds `text` (measures)."""

    def entered(self, text: str) -> None:
        """Enter in the answer box (measures)."""

    def timed(self, seconds: int) -> None:
        """The person stopped the hold timer at `seconds`."""
