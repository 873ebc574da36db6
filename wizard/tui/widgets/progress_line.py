"""'Step 4 · about 6 more' and the path so far, under the title of every step screen.

The remaining count is the expected path for this person's answers (`wizard.walk.progress`): an estimate,
so it says "about".
"""

from __future__ import annotations

from textual.widgets import Static

from wizard.tui.safe_text import literal
from wizard.tui.step import Step

PATH_SHOWN = 3


class ProgressLine(Static):
    """Where the person is in the walk."""

    def __init__(self, step: Step) -> None:
        super().__init__(self._text(step), id="progress", markup=False)

    @staticmethod
    def _text(step: Step):
        if step.editing:
            return literal(("Changing your answer to step ", "bold"), (str(step.number), "bold"))
        left = "last step" if step.remaining <= 1 else f"about {step.remaining} more"
        trail = " › ".join(step.path[-PATH_SHOWN:])
        more = "… › " if len(step.path) > PATH_SHOWN else ""
        path = f"   {more}{trail}" if trail else ""
        return literal((f"Step {step.number} · {left}", "bold"), (path, "dim"))
