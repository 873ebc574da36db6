"""The start screen: the disclaimer, the checks to choose from, and unfinished sessions to resume."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static

from wizard.content.model import Tree
from wizard.tui import keymap
from wizard.tui.disclaimer import START_DISCLAIMER
from wizard.tui.messages import ResumeWalk, StartWalk
from wizard.tui.safe_text import literal
from wizard.tui.widgets.choices import Choices
from wizard.tui.widgets.key_bar import KeyBar


class StartScreen(Screen):
    BINDINGS = [*keymap.PICK, *keymap.START]
    HELP_TOPIC = "start"

    def __init__(self, entries: list[Tree], unfinished: Sequence[tuple[str, str]] = (), history: bool = False,
                 minutes: dict[str, str] | None = None) -> None:
        """`unfinished`: (session id, what to call it) for each walk that can be resumed; `minutes`: tree id
        -> "about 15 minutes", estimated from the trees (`wizard.walk.progress`)."""
        super().__init__()
        self.entries, self.unfinished, self.history = entries, list(unfinished), history
        self.minutes = minutes or {}
        self.started = False

    def compose(self) -> ComposeResult:
        yield Static(literal(("hip-wizard", "bold"), " - a guided check for hip pain"), id="title", markup=False)
        with VerticalScroll(id="start-body"):
            yield Static(literal(START_DISCLAIMER), id="disclaimer", markup=False)
            yield Static(literal(("Choose a check:", "bold")), markup=False)
            if not self.entries and not self.unfinished:
                yield Static("No checks are installed. Add trees with --trees DIR.", id="empty", markup=False)
        yield Choices(self._choices())
        yield KeyBar()

    def _choices(self) -> list[tuple[object, str | tuple]]:
        resume: list[tuple[object, str | tuple]] = [
            (("resume", session_id), (("Resume: ", "bold"), label)) for session_id, label in self.unfinished]
        start: list[tuple[object, str | tuple]] = [
            (("start", tree.id), _entry_label(tree, self.minutes.get(tree.id))) for tree in self.entries]
        return resume + start

    def on_mount(self) -> None:
        self.query_one(Choices).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return self.history if action == "history" else True

    def action_pick(self, number: int) -> None:
        self._chosen(self.query_one(Choices).value_at(number))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._chosen(self.query_one(Choices).values[event.option_index])

    def _chosen(self, choice: object) -> None:
        """Start (or resume) once: a second key typed ahead must not start a second walk."""
        if choice is None or self.started:
            return
        self.started = True
        what, key = cast(tuple[str, str], choice)  # the (what, id) pairs _choices made
        self.post_message(StartWalk(key) if what == "start" else ResumeWalk(key))

    def action_history(self) -> None:
        self.app.action_history()


def _entry_label(tree: Tree, minutes: str | None = None) -> tuple:
    """The check's title in bold (with its time estimate), its description under it, dimmed (tree text,
    shown literally)."""
    title = ((tree.title, "bold"),) + ((f"  ({minutes})", "dim"),) if minutes else ((tree.title, "bold"),)
    if not tree.description:
        return title
    return title + ("\n   ", (tree.description, "dim"))


class StartPlaceholder(Screen):
    """Stands where the start screen goes when the app opens straight into a tree (`run TREE`): the first
    question then does not wait for a menu nobody sees. Leaving the walk puts the real start screen here."""
