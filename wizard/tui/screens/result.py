"""The result: urgency banner, then the same `Summary` the exports render, in their order; export and new.

The screen takes the summary the app built (with a re-test's comparison and the staged plan) and shows it
through `report.sections`, so what a person reads here is what their exported file says.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from wizard.report.sections import Section, sections
from wizard.report.summary import Summary
from wizard.tui import keymap
from wizard.tui.messages import AskExport, GoBack, NewCheck, ShowReview
from wizard.tui.safe_text import literal
from wizard.tui.widgets.urgency_banner import UrgencyBanner
from wizard.tui.widgets.key_bar import KeyBar
from wizard.tui.widgets.text_pane import MoreBelow, TextPane
from wizard.wording import SHORT_DISCLAIMER


class ResultScreen(Screen):
    BINDINGS = keymap.RESULT
    HELP_TOPIC = "result"
    # Its own styles: parsed when the screen is first shown, not before the first question (wizard.tcss)
    CSS = """
    #result-body { height: 1fr; padding: 0 1; }
    #result-body > Static { margin: 1 0 0 0; max-width: 110; }
    .heading { margin: 1 0 0 0; }
    #referral { border: round $primary; padding: 0 1; }
    """

    def __init__(self, summary: Summary, past: bool = False) -> None:
        """`past`: a walk opened from the history (Back closes it rather than stepping back in a walk)."""
        super().__init__()
        self.summary, self.past = summary, past

    def compose(self) -> ComposeResult:
        yield UrgencyBanner(self.summary.referral.urgency if self.summary.referral else None)
        yield Static(literal((SHORT_DISCLAIMER, "italic")), id="disclaimer", markup=False)
        with TextPane(id="result-body"):
            for section in sections(self.summary):
                yield from section_widgets(section)
        yield MoreBelow()  # at 60x20 the plan runs past the window: say so, as the steps do
        yield KeyBar()

    def on_mount(self) -> None:
        body = self.query_one(TextPane)
        body.can_focus = True  # the arrow keys scroll the summary: nothing else here takes keys
        body.focus()

    def action_export(self) -> None:
        """Ask for the format and the folder, then save this very summary (what the screen shows)."""
        self.post_message(AskExport(self.summary))

    def action_new_session(self) -> None:
        self.post_message(NewCheck())

    def action_review(self) -> None:
        self.post_message(ShowReview())

    def action_back(self) -> None:
        if self.past:
            self.dismiss()
            return
        self.post_message(GoBack())


def section_widgets(section: Section) -> ComposeResult:
    """A heading and one Static per paragraph; the section's id names its container (e.g. #change)."""
    if section.heading:
        yield Static(literal((section.heading, "bold underline")), classes="heading", markup=False)
    body = "\n\n".join("".join(text for text, _ in p) for p in section.paragraphs)
    parts: list = []
    for n, paragraph in enumerate(section.paragraphs):
        parts += (["\n\n"] if n else []) + [(text, style) if style else text for text, style in paragraph]
    yield Static(literal(*parts) if body else "", id=section.id, classes="section", markup=False)
