"""The one screen a walk is asked on. It stays mounted from the first step to the last and `show(step)`
updates it in place: a new Screen per step cost a compose, a CSS pass over every widget and four layouts
per key press (review 2026-11 section 4, issue 15), where updating texts costs one layout.

The frame is the same for every step: title, progress line, the question, the scrolling details, the
answers, the why panel and the key bar. How a node kind fills it (and which keys it answers) is a small
`Kind` (wizard/tui/kinds/). The widgets a kind asks for are "parts", made on first use and then kept: a
part the current step does not use is hidden (and emptied, so no stale text is read), not removed.

The layout rule: the question (for a red flag, the whole sign) never scrolls, so it is on screen whenever the
answers are; the longer details (steps, stop rule, help) scroll in a pane that says when there is more below.
Below MIN_WIDTH x MIN_HEIGHT the screen shows only a request for a bigger window (or plain mode) and takes
no answers: nobody should answer a safety question they could not read.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from wizard.tui import keymap
from wizard.tui.kinds import Kind, kind_for
from wizard.tui.messages import Answered, GoBack, ShowReview
from wizard.tui.safe_text import literal
from wizard.tui.step import Step
from wizard.tui.widgets.choices import Choices
from wizard.tui.widgets.hold_timer import HoldTimer
from wizard.tui.widgets.key_bar import KeyBar
from wizard.tui.widgets.progress_line import ProgressLine
from wizard.tui.widgets.text_pane import MoreBelow, TextPane
from wizard.tui.widgets.why_panel import WhyPanel
from wizard.wording import TOO_SMALL, YOUR_ANSWER

MIN_WIDTH, MIN_HEIGHT = 40, 12
ANSWER_ACTIONS = ("pick", "yes_no", "done", "none_of_these", "press", "submit")
KIND_ACTIONS = ("pick", "yes_no", "done", "none_of_these", "toggle_timer", "toggle_measure_timer")
# Each area's parts, top to bottom: a part made later is mounted in its place among those already there.
AREAS = {
    "question": ("text", "help"),  # in #step, above the details: never scrolls
    # in #body; a test that needs a helper says so before its steps ("helper"), one done alone at the end ("who")
    "details": ("text", "help", "stop-rule", "helper", "steps", "positive", "who", "range", "cannot"),
    "answers": ("timer", "choices", "ticks", "done", "number", "problem", "continue"),  # in #step, above why
}

Part = tuple[str, str]  # (area, name); the name is also the widget's id


def _static(name: str) -> Widget:
    return Static("", id=name, markup=False)


class WalkScreen(Screen):
    """Asks one step at a time; the app calls `show` with the next. An instance made with `Step.edit`
    changes one earlier answer and is dismissed after it (the walk's own screen stays underneath)."""

    BINDINGS = [*keymap.STEP, *keymap.EDIT, *keymap.SCROLL, *keymap.PICK, *keymap.YES_NO, *keymap.MULTI,
                *keymap.TIMER, *keymap.MEASURE_TIMER]
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-wide-enough")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall-enough")]

    def __init__(self, step: Step) -> None:
        super().__init__(classes="step editing" if step.editing else "step")
        self.editing = step.editing
        self.answered = False
        self.step = step
        self.kind: Kind = kind_for(step.node)(self, step)
        self._parts: dict[Part, Widget] = {}
        self._placed: set[Part] = set()
        self._wanted: set[Part] = set()
        self.title_line = Static(id="title", markup=False)
        self.progress = ProgressLine(step)
        self.frame = Vertical(id="step")
        self.body = TextPane(id="body")
        self.why = WhyPanel()
        self.composed = False
        self.answer_widget: Widget = self.why

    @property
    def node(self):
        return self.step.node

    @property
    def HELP_TOPIC(self) -> str:  # the name every screen's help topic goes by (app.action_help)
        return self.kind.HELP_TOPIC

    # --- the frame ---------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self._fill(self.step)
        yield self.title_line
        yield Static(literal((TOO_SMALL, "bold")), id="too-small", markup=False)
        with self.frame:
            yield self.progress
            yield from self._unplaced("question")
            with self.body:
                yield from self._unplaced("details")
            yield MoreBelow(display=self.body.display)
            yield from self._unplaced("answers")
            yield self.why
        yield KeyBar()
        self.composed = True

    def on_mount(self) -> None:
        self.answer_widget.focus()

    def show(self, step: Step) -> None:
        """Ask `step` on this screen: new texts and answers, and nothing kept from the step before (the
        typed-ahead guard, the why panel, the timer, the scroll position, a "no room" verdict)."""
        if not self.composed:  # shown again before it was first drawn: compose will fill it
            self.step, self.kind = step, kind_for(step.node)(self, step)
            return
        self._fill(step)
        for area in AREAS:
            self._place_new(area)
        self.answered = False
        self.remove_class("-no-room")
        self.body.restart()
        self.answer_widget.focus()
        self.refresh_bindings()
        self.call_after_refresh(self._check_room)

    def _fill(self, step: Step) -> None:
        self.step, self.kind, self._wanted = step, kind_for(step.node)(self, step), set()
        self.title_line.update(literal((step.node.label, "bold")))
        self.progress.show(step)
        self.why.show(step.node)
        self.answer_widget = self.kind.fill()
        self._hide_unwanted()
        self.body.display = any(area == "details" for area, _ in self._wanted)

    def part(self, area: str, name: str, make: Callable[[str], Widget] = _static) -> Widget:
        """The widget `name` of `area` for this step, made (by `make(name)`) the first time it is needed."""
        key = (area, name)
        widget = self._parts.get(key)
        if widget is None:
            widget = self._parts[key] = make(name)
        self._wanted.add(key)
        widget.display = True
        return widget

    def text(self, area: str, name: str, content) -> None:
        """Show `content` (from `safe_text.literal`) in the Static part `name` of `area`."""
        self.part(area, name).update(content)  # type: ignore[attr-defined]

    def choices(self, choices: list, chosen: object, title: str = YOUR_ANSWER) -> Choices:
        """The numbered list of answers, `chosen` highlighted, under a rule titled `title` (a test's list reads
        "Your result"). One list serves questions and tests and only its title changes: a class or a second
        list for tests restyled the list at every change between a question and a test (about 1.3 ms)."""
        widget = self.part("answers", "choices", lambda name: Choices([], id=name))
        assert isinstance(widget, Choices)
        widget.show(choices, chosen)
        widget.border_title = title
        return widget

    def _hide_unwanted(self) -> None:
        """Hide (not remove: mounting again costs more) the parts this step does not use; a hidden text is
        emptied, so no stale words are read from it, and a hidden timer stops."""
        for key, widget in self._parts.items():
            if key in self._wanted or not widget.display:
                continue
            widget.display = False
            if isinstance(widget, HoldTimer):
                widget.stop()  # out of sight, it must not ring on a later step
            elif key[0] != "answers":
                widget.update("")  # type: ignore[attr-defined]

    def _unplaced(self, area: str) -> list[Widget]:
        """The parts of `area` made but not yet in the screen, in their order (for compose)."""
        keys = [key for key in ((area, name) for name in AREAS[area]) if key in self._parts and key not in self._placed]
        self._placed.update(keys)
        return [self._parts[key] for key in keys]

    def _place_new(self, area: str) -> None:
        """Mount the parts of `area` made for this step, each above the first later part already there."""
        order = AREAS[area]
        for index, name in enumerate(order):
            key = (area, name)
            if key not in self._parts or key in self._placed:
                continue
            later = [self._parts[(area, n)] for n in order[index + 1:] if (area, n) in self._placed]
            before = later[0] if later else {"question": self.body, "answers": self.why}.get(area)
            (self.body if area == "details" else self.frame).mount(self._parts[key], before=before)
            self._placed.add(key)

    # --- room ---------------------------------------------------------------------------------------------

    @property
    def too_small(self) -> bool:
        return self.has_class("-too-narrow") or self.has_class("-too-short") or self.has_class("-no-room")

    def on_resize(self) -> None:
        self.remove_class("-no-room")
        self.call_after_refresh(self._check_room)

    def _check_room(self) -> None:
        """Above the minimum size a long question can still push its answers out of sight: then too small."""
        step = next(iter(self.query("#step")), None)
        answers = self.answer_widget
        if self.too_small or step is None or not answers.is_attached or not answers.display:
            return  # already too small, or the screen is being taken down (a reload, the walk moving on)
        self.set_class(answers.region.y + 1 > step.region.bottom, "-no-room")

    # --- keys --------------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """No answers while the question cannot be shown; while changing an earlier answer, Escape cancels the
        change instead of going back a step; the answer keys are those of the step's kind."""
        if action in ANSWER_ACTIONS and self.too_small:
            return False
        if action in ("back", "review"):
            return not self.editing
        if action == "cancel":
            return self.editing
        if action in KIND_ACTIONS:
            return self.kind.enables(action)
        return True

    def submit(self, value: object) -> None:
        """Send the answer once. Keys typed ahead reach this screen before the next step is shown; without the
        guard a quick "1 2" would answer with 1 and then change that answer to 2. `show` re-opens the screen
        for the next step, and the app does (`answered = False`) if the engine turns the answer down."""
        if self.answered or self.too_small:
            return
        self.answered = True
        self.post_message(Answered(self.node.qid, value))

    def action_pick(self, number: int) -> None:
        self.kind.pick(number)

    def action_yes_no(self, value: bool) -> None:
        self.submit(value)

    def action_done(self) -> None:
        self.kind.done()

    def action_none_of_these(self) -> None:
        self.kind.none_of_these()

    def action_toggle_timer(self) -> None:
        self._parts[("answers", "timer")].toggle()  # type: ignore[attr-defined]

    action_toggle_measure_timer = action_toggle_timer

    def action_scroll_text(self, direction: int) -> None:
        self.body.page(direction)

    def action_why(self) -> None:
        self.why.toggle()

    def action_back(self) -> None:
        """Escape first closes an open why panel (what a person expects), and only then goes back."""
        if self.why.display:
            self.why.toggle()
            return
        self.post_message(GoBack())

    def action_cancel(self) -> None:
        self.dismiss()

    def action_review(self) -> None:
        self.post_message(ShowReview())

    # --- what the answer widgets say ---------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option_list, Choices):
            self.submit(event.option_list.values[event.option_index])

    def on_button_pressed(self, event) -> None:
        if event.button.id == "done":
            self.action_done()

    def on_continue_button_pressed(self, event) -> None:
        event.stop()
        self.submit(True)

    def on_hold_timer_stopped(self, event: HoldTimer.Stopped) -> None:
        self.kind.timed(event.seconds)

    def on_input_changed(self, event) -> None:
        self.kind.typed(event.value)

    def on_input_submitted(self, event) -> None:
        event.stop()
        self.kind.entered(event.value)
