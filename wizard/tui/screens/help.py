"""F1: Markdown help for the screen underneath, then this app's keys that work there; the generic keys of
Textual's widgets (paste, page left, completion...) wait behind "More keys", as Posting and Harlequin do."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Collapsible, Markdown

from wizard.tui import keymap
from wizard.tui.widgets.key_bar import KeyBar


def help_markdown(topic: str) -> str:
    """Our own help text (never tree text) for `topic`, falling back to the general page."""
    folder = resources.files("wizard.tui") / "help"
    page = folder / f"{topic}.md"
    return (page if page.is_file() else folder / "general.md").read_text(encoding="utf-8")


def keys_markdown(bindings, heading: str = "## Keys here") -> str:
    rows = [f"| {keys} | {binding.description} |" for keys, binding in _one_row_each(_merged_picks(bindings))
            if binding.description]
    return "\n".join([heading, "", "| Key | Does |", "|---|---|", *rows]) if rows else ""


def _one_row_each(bindings) -> list:
    """One row per thing a key does: escape and b both going back read `esc`, `b` | Back."""
    rows: dict = {}
    for key, binding in bindings:
        rows.setdefault((binding.action, binding.description), (binding, []))[1].append(f"`{key}`")
    return [(", ".join(keys), binding) for binding, keys in rows.values()]


def _merged_picks(bindings) -> list:
    """Nine "Pick n" rows say one thing: show them as one row, `1-9`, where the first of them stood."""
    picks = [key for key, binding in bindings if binding.action.startswith("pick(")]
    if len(picks) < 2:
        return list(bindings)
    first = next(b for _, b in bindings if b.action.startswith("pick("))
    merged = [(key, b) for key, b in bindings if not b.action.startswith("pick(") or b is first]
    return [(f"{picks[0]}-{picks[-1]}" if b is first else key, _pick_all(b) if b is first else b) for key, b in merged]


def _pick_all(binding):
    from dataclasses import replace
    return replace(binding, description="Pick that answer")


def own_and_generic(bindings) -> tuple[list, list]:
    """(this app's bindings, the footer's first; the widgets' generic ones): ours have an id in keymap.py."""
    ours = keymap.binding_ids()
    own = sorted(((key, b) for key, b in bindings if b.id in ours), key=lambda pair: not pair[1].show)
    return own, [(key, b) for key, b in bindings if b.id not in ours]


class HelpScreen(ModalScreen):
    BINDINGS = [*keymap.MODAL, *keymap.APP[:1]]
    HELP_TOPIC = "help"
    # Its own styles: parsed when the screen is first shown, not before the first question (wizard.tcss)
    CSS = """
    HelpScreen { align: center middle; background: $background 60%; }
    #help-body { width: 90%; height: 90%; border: thick $accent; background: $surface; }
    """

    def __init__(self, topic: str, bindings) -> None:
        super().__init__()
        own, generic = own_and_generic(bindings)
        self.text = help_markdown(topic) + "\n\n" + keys_markdown(own)
        self.more = keys_markdown(generic, heading="")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(self.text, id="help")
            if self.more:
                with Collapsible(title="More keys (general ones, for lists and text fields)", id="more-keys"):
                    yield Markdown(self.more, id="generic-keys")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss()

    def action_help(self) -> None:
        self.dismiss()
