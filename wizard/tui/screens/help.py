"""F1: Markdown help for the screen underneath, plus the keys that work there."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from wizard.tui import keymap
from wizard.tui.widgets.key_bar import KeyBar


def help_markdown(topic: str) -> str:
    """Our own help text (never tree text) for `topic`, falling back to the general page."""
    folder = resources.files("wizard.tui") / "help"
    page = folder / f"{topic}.md"
    return (page if page.is_file() else folder / "general.md").read_text(encoding="utf-8")


def keys_markdown(bindings) -> str:
    rows = [f"| `{key}` | {binding.description} |" for key, binding in bindings if binding.description]
    return "\n".join(["## Keys here", "", "| Key | Does |", "|---|---|", *rows]) if rows else ""


class HelpScreen(ModalScreen):
    BINDINGS = [*keymap.MODAL, *keymap.APP[:1]]
    HELP_TOPIC = "help"

    def __init__(self, topic: str, bindings) -> None:
        super().__init__()
        self.text = help_markdown(topic) + "\n\n" + keys_markdown(bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(self.text, id="help")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss()

    def action_help(self) -> None:
        self.dismiss()
