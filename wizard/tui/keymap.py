"""Every key binding, as data, each with an id so people can remap it (`App.set_keymap`).

Screens take their BINDINGS from here rather than spelling keys inline, so the footer, the help screen and
the remapping all agree.
"""

from __future__ import annotations

from textual.binding import Binding

APP = [
    Binding("f1", "help", "Help", id="help"),
    Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
]

PICK = [Binding(str(n), f"pick({n})", f"Pick {n}", show=False, id=f"pick-{n}") for n in range(1, 10)]

STEP = [
    Binding("escape,b", "back", "Back", id="back"),
    Binding("question_mark,f2", "why", "Why?", id="why"),
    Binding("r", "review", "Answers", id="review"),
]

YES_NO = [
    Binding("y", "yes_no(True)", "Yes", show=False, id="yes"),
    Binding("n", "yes_no(False)", "No", show=False, id="no"),
]

MULTI = [Binding("d", "done", "Done", id="done")]

TIMER = [Binding("t", "toggle_timer", "Start/stop timer", id="timer")]

EDIT = [
    Binding("escape", "cancel", "Cancel", id="cancel-edit"),
]

REVIEW = [Binding("escape", "close", "Close", id="close-review")]

RESULT = [
    Binding("e", "export('md')", "Export", id="export"),
    Binding("n", "new_session", "New", id="new-session"),
    Binding("r", "review", "Answers", id="review"),
    Binding("escape,b", "back", "Back", id="back"),
]

EMERGENCY = [Binding("ctrl+b", "mistake", "I answered by mistake", id="emergency-mistake")]

MODAL = [Binding("escape", "close", "Close", id="close")]

START = [Binding("h", "history", "History", id="history")]
