"""Author mode (`--watch`): the trees do not load; show every problem at file:line and wait for a fix."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from wizard.tui.safe_text import literal
from wizard.tui.widgets.key_bar import KeyBar


class ProblemsScreen(Screen):
    HELP_TOPIC = "problems"
    # Its own styles: parsed when the screen is first shown, not before the first question (wizard.tcss)
    CSS = """
    #problems { height: 1fr; padding: 0 1; }
    .problem { color: $error; margin: 0 0 1 0; }
    #problems > .problem { padding: 0 1; }
    """

    def __init__(self, problems: list) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield Static(literal((f"The trees have {len(self.problems)} problem(s)", "bold")), id="title", markup=False)
        yield Static(literal(("Fix the file and save it: this screen reloads by itself.", "dim")), classes="hint",
                     markup=False)
        with VerticalScroll(id="problems"):
            for problem in self.problems:
                yield Static(literal(str(problem)), classes="problem", markup=False)
        yield KeyBar()
