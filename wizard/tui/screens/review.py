"""Every answer so far; pick one to change it. Later answers that still apply are kept by the engine."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static

from wizard.tui import keymap
from wizard.tui.messages import EditAnswer
from wizard.tui.safe_text import literal
from wizard.tui.widgets.choices import Choices
from wizard.tui.widgets.key_bar import KeyBar


class ReviewScreen(Screen):
    BINDINGS = [*keymap.REVIEW, *keymap.PICK]
    HELP_TOPIC = "review"

    def __init__(self, answers: list[tuple[str, str, str]]) -> None:
        """`answers`: (qid, question label, answer in words) for each step on the path, in order."""
        super().__init__()
        self.answers = answers

    def compose(self) -> ComposeResult:
        yield Static(literal(("Your answers", "bold")), id="title", markup=False)
        yield Static(literal(("Pick an answer to change it; Escape to go back to where you were.", "dim")),
                     classes="hint", markup=False)
        if self.answers:
            yield Choices([(qid, f"{label}: {answer}") for qid, label, answer in self.answers])
        else:
            yield Static("Nothing answered yet.", id="empty", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        for choices in self.query(Choices):
            choices.focus()

    def action_pick(self, number: int) -> None:
        for choices in self.query(Choices):
            qid = choices.value_at(number)
            if qid is not None:
                self.post_message(EditAnswer(str(qid)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(EditAnswer(str(self.query_one(Choices).values[event.option_index])))

    def action_close(self) -> None:
        self.dismiss()
