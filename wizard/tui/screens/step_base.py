"""What every step screen shares: title, progress line, body, why panel, footer; back, why and review."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from wizard.tui import keymap
from wizard.tui.messages import Answered, GoBack, ShowReview
from wizard.tui.safe_text import literal
from wizard.tui.step import Step
from wizard.tui.widgets.progress_line import ProgressLine
from wizard.tui.widgets.why_panel import WhyPanel
from wizard.tui.widgets.key_bar import KeyBar


class StepScreen(Screen):
    """Base for the screens that ask one node. Subclasses write `compose_body` and call `submit`."""

    HELP_TOPIC = "question"

    def __init__(self, step: Step) -> None:
        super().__init__(classes="step editing" if step.editing else "step")
        self.step = step
        self.node = step.node
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Static(literal((self.node.label, "bold")), id="title", markup=False)
        yield ProgressLine(self.step)
        yield from self.compose_body()
        yield WhyPanel(self.node)
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield VerticalScroll()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """While changing an earlier answer, Escape cancels the change instead of going back a step."""
        if action in ("back", "review"):
            return not self.step.editing
        if action == "cancel":
            return self.step.editing
        return True

    def submit(self, value: object) -> None:
        """Send the answer once. Keys typed ahead reach this screen before the next one is shown; without the
        guard a quick "1 2" would answer with 1 and then change that answer to 2. The app re-opens the
        screen (`answered = False`) if the engine turns the answer down."""
        if self.answered:
            return
        self.answered = True
        self.post_message(Answered(self.node.qid, value))

    def action_why(self) -> None:
        self.query_one(WhyPanel).toggle()

    def action_back(self) -> None:
        """Escape first closes an open why panel (what a person expects), and only then goes back."""
        panel = self.query_one(WhyPanel)
        if panel.display:
            panel.toggle()
            return
        self.post_message(GoBack())

    def action_cancel(self) -> None:
        self.dismiss()

    def action_review(self) -> None:
        self.post_message(ShowReview())


def step_bindings(*extra: list) -> list:
    """A step screen's bindings: back, why and review plus its own."""
    return [*keymap.STEP, *keymap.EDIT, *(b for group in extra for b in group)]
