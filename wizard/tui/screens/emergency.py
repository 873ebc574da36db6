"""The emergency stop: a full screen saying what to do now. No stray key leaves it.

Escape, Enter, b, n and the number keys do nothing here. Quitting still works (and asks first); going back
needs Ctrl+B and then a confirmation, for the person who pressed the wrong answer.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from wizard.walk.result import Result
from wizard.tui import keymap
from wizard.tui.messages import GoBack
from wizard.tui.safe_text import literal
from wizard.tui.screens.confirm import ConfirmScreen
from wizard.tui.widgets.key_bar import KeyBar
from wizard.wording import EMERGENCY_CALL, EMERGENCY_DEFAULT_ACTION, EMERGENCY_HEADLINE, EMERGENCY_STOPPED


class EmergencyScreen(Screen):
    BINDINGS = keymap.EMERGENCY
    HELP_TOPIC = "emergency"
    # Its own styles: parsed when the screen is first shown, not before the first question (wizard.tcss)
    CSS = """
    EmergencyScreen { background: $error 25%; }
    #emergency-body { height: 1fr; padding: 0 1; }
    #emergency-body > Static { margin: 1 0 0 0; max-width: 110; }
    #emergency-headline {
        width: 100%;
        height: 3;
        content-align: center middle;
        background: $error;
        color: $text;
        text-style: bold;
    }
    #emergency-action { border: heavy $error; padding: 0 1; }
    """

    def __init__(self, result: Result) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        referral = self.result.referral
        yield Static(literal((EMERGENCY_HEADLINE, "bold")), id="emergency-headline", markup=False)
        with VerticalScroll(id="emergency-body"):
            action = referral.action if referral and referral.action else EMERGENCY_DEFAULT_ACTION
            yield Static(literal((action, "bold")),
                         id="emergency-action", markup=False)
            yield Static(literal((EMERGENCY_CALL, "bold")), id="emergency-call", markup=False)
            if referral and referral.to:
                yield Static(literal(("Where: ", "bold"), referral.to), markup=False)
            if referral:
                yield Static(literal(("Why: ", "bold"), referral.reason), markup=False)
            for outcome in self.result.outcomes:
                if outcome.referral and outcome.referral.urgency == "emergency":
                    yield Static(literal((outcome.title, "bold"), "\n", outcome.text or ""), markup=False)
            yield Static(literal(EMERGENCY_STOPPED), markup=False)
        yield KeyBar()

    def action_mistake(self) -> None:
        question = ("Go back to the last question? Only do this if you pressed the wrong answer. "
                    "If the warning applies to you, get help now.")
        self.app.push_screen(ConfirmScreen(question, "Go back", "Stay here"), self._confirmed)

    def _confirmed(self, go_back: bool | None) -> None:
        if go_back:
            self.post_message(GoBack())
