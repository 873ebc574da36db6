"""What every step screen shares: title, progress line, the question, the scrolling details, the answers, the
why panel and the footer; back, why, review and the keys that scroll the details.

The layout rule: the question (for a red flag, the whole sign) never scrolls, so it is on screen whenever the
answers are; the longer details (steps, stop rule, help) scroll in a pane that says when there is more below.
Below MIN_WIDTH x MIN_HEIGHT the screen shows only a request for a bigger window (or plain mode) and takes
no answers: nobody should answer a safety question they could not read.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from wizard.tui import keymap
from wizard.tui.messages import Answered, GoBack, ShowReview
from wizard.tui.safe_text import literal
from wizard.tui.step import Step
from wizard.tui.widgets.key_bar import KeyBar
from wizard.tui.widgets.progress_line import ProgressLine
from wizard.tui.widgets.text_pane import MoreBelow, TextPane
from wizard.tui.widgets.why_panel import WhyPanel
from wizard.wording import TOO_SMALL

MIN_WIDTH, MIN_HEIGHT = 40, 12
ANSWER_ACTIONS = ("pick", "yes_no", "done", "press", "submit")


class StepScreen(Screen):
    """Base for the screens that ask one node. Subclasses write `compose_question`, `compose_details` and
    `compose_answers`, and call `submit`."""

    HELP_TOPIC = "question"
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-wide-enough")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall-enough")]

    def __init__(self, step: Step) -> None:
        super().__init__(classes="step editing" if step.editing else "step")
        self.step = step
        self.node = step.node
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Static(literal((self.node.label, "bold")), id="title", markup=False)
        yield Static(literal((TOO_SMALL, "bold")), id="too-small", markup=False)
        with Vertical(id="step"):
            yield ProgressLine(self.step)
            yield from self.compose_question()
            details = list(self.compose_details())
            with TextPane(id="body", classes="" if details else "empty"):  # none: the answers follow the question
                yield from details
            yield MoreBelow()
            yield from self.compose_answers()
            yield WhyPanel(self.node)
        yield KeyBar()

    def compose_question(self) -> ComposeResult:
        """What is asked: always in sight, never scrolled away."""
        yield from ()

    def compose_details(self) -> ComposeResult:
        """Longer text that may scroll: steps, stop rule, help."""
        yield from ()

    def compose_answers(self) -> ComposeResult:
        yield from ()

    @property
    def too_small(self) -> bool:
        return self.has_class("-too-narrow") or self.has_class("-too-short") or self.has_class("-no-room")

    def on_resize(self) -> None:
        self.remove_class("-no-room")
        self.call_after_refresh(self._check_room)

    def _check_room(self) -> None:
        """Above the minimum size a long question can still push its answers out of sight: then too small."""
        step = next(iter(self.query("#step")), None)
        answers = next(iter(self.query("#choices, #number, #continue")), None)
        if self.too_small or step is None or answers is None or not answers.display:
            return  # already too small, or the screen is being taken down (a reload, the walk moving on)
        self.set_class(answers.region.y + 1 > step.region.bottom, "-no-room")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """No answers while the question cannot be shown; while changing an earlier answer, Escape cancels the
        change instead of going back a step."""
        if action in ANSWER_ACTIONS and self.too_small:
            return False
        if action in ("back", "review"):
            return not self.step.editing
        if action == "cancel":
            return self.step.editing
        return True

    def submit(self, value: object) -> None:
        """Send the answer once. Keys typed ahead reach this screen before the next one is shown; without the
        guard a quick "1 2" would answer with 1 and then change that answer to 2. The app re-opens the
        screen (`answered = False`) if the engine turns the answer down."""
        if self.answered or self.too_small:
            return
        self.answered = True
        self.post_message(Answered(self.node.qid, value))

    def action_scroll_text(self, direction: int) -> None:
        self.query_one(TextPane).page(direction)

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
    return [*keymap.STEP, *keymap.EDIT, *keymap.SCROLL, *(b for group in extra for b in group)]
