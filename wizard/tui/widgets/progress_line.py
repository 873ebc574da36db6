"""'Step 4 · about 6 more' and the path so far, on one line under the title of every step screen.

The remaining count is the expected path for this person's answers (`wizard.walk.progress`): an estimate,
so it says "about" (`wording.progress`). The path is fitted to the width when drawn: older crumbs are
dropped whole (never cut mid-word or wrapped onto a second line), and "…" says some were left out.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from wizard.tui.safe_text import clean, literal
from wizard.tui.step import Step
from wizard.wording import progress

PATH_SHOWN = 3
SEPARATOR, CUT = " › ", "… › "


def fitted_path(labels: tuple[str, ...], width: int) -> str:
    """The last labels of the path that fit in `width` cells, newest last, each one whole."""
    shown: list[str] = []
    for label in reversed(labels[-PATH_SHOWN:]):
        candidate = [label, *shown]
        cut = CUT if len(candidate) < len(labels) else ""
        if cell_len(cut + SEPARATOR.join(candidate)) > width:
            break
        shown = candidate
    if not shown:
        return ""
    return (CUT if len(shown) < len(labels) else "") + SEPARATOR.join(shown)


class ProgressLine(Static):
    """Where the person is in the walk."""

    def __init__(self, step: Step) -> None:
        super().__init__(id="progress", markup=False)
        self.step = step

    def show(self, step: Step) -> None:
        self.step = step
        self.refresh()

    def render(self):
        step = self.step
        if step.editing:
            return literal(("Changing your answer to step ", "bold"), (str(step.number), "bold"))
        head = progress(step.number, step.remaining)
        room = self.content_region.width - cell_len(head) - 3
        path = fitted_path(tuple(clean(label) for label in step.path), room) if room > 0 else ""
        return literal((head, "bold"), (f"   {path}" if path else "", "dim"))
