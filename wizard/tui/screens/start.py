"""The start screen: the disclaimer, the checks to choose from, and unfinished sessions to resume.

The emergency numbers never scroll away, and the list holds titles only (the highlighted check's description
shows under it), so every check is in sight at 80x24 and 60x20.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static

from wizard.content.model import Tree
from wizard.tui import keymap
from wizard.tui.messages import ResumeWalk, ShowHistory, StartWalk
from wizard.tui.safe_text import literal
from wizard.tui.widgets.choices import Choices
from wizard.tui.widgets.key_bar import KeyBar
from wizard.tui.widgets.text_pane import MoreBelow, TextPane
from wizard.wording import START_ABOUT, START_EMERGENCY


class StartScreen(Screen):
    BINDINGS = [*keymap.PICK, *keymap.START, *keymap.SCROLL]
    HELP_TOPIC = "start"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]

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
        yield Static(literal((START_EMERGENCY, "bold")), id="emergency-numbers", markup=False)
        with TextPane(id="start-body"):
            yield Static(literal(START_ABOUT), id="disclaimer", markup=False)
        yield MoreBelow()
        yield Static(literal(("Choose a check:", "bold")), id="choose", markup=False)
        if not self.entries and not self.unfinished:
            yield Static("No checks are installed. Add trees with --trees DIR.", id="empty", markup=False)
        yield Choices(self._choices())
        yield Static("", id="entry-about", markup=False)
        yield KeyBar()

    def _choices(self) -> list[tuple[object, str | tuple]]:
        resume: list[tuple[object, str | tuple]] = [
            (("resume", session_id), (("Resume: ", "bold"), label)) for session_id, label in self.unfinished]
        start: list[tuple[object, str | tuple]] = [
            (("start", tree.id), _entry_label(tree, self.minutes.get(tree.id))) for tree in self.entries]
        return resume + start

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Under the list: what the highlighted check is (tree text, shown literally)."""
        what, key = cast(tuple[str, str], self.query_one(Choices).values[event.option_index])
        tree = next((t for t in self.entries if t.id == key), None) if what == "start" else None
        about = self.query_one("#entry-about", Static)
        about.update(literal((tree.description, "dim")) if tree and tree.description else "")
        about.display = bool(tree and tree.description)

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

    def action_scroll_text(self, direction: int) -> None:
        self.query_one(TextPane).page(direction)

    def action_history(self) -> None:
        self.post_message(ShowHistory())


def _entry_label(tree: Tree, minutes: str | None = None) -> tuple:
    """The check's title in bold with its time estimate (its description shows under the list when the
    check is highlighted)."""
    return ((tree.title, "bold"),) + ((f"  ({minutes})", "dim"),) if minutes else ((tree.title, "bold"),)


class StartPlaceholder(Screen):
    """Stands where the start screen goes when the app opens straight into a tree (`run TREE`): the first
    question then does not wait for a menu nobody sees. It is the bottom of the stack (Textual cannot swap that
    screen out), so leaving the walk puts the real start screen over it (`WizardApp.back_to_start`)."""
