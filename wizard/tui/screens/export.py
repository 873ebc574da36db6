"""Export a summary: pick one of the four formats (1-4 or arrows + Enter) and the folder it goes into.

Dismisses with (format, folder) or None (Escape). The folder starts as Documents/hip-wizard; the person can
type another. The app writes the file and says where it went.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from wizard.tui import keymap
from wizard.tui.widgets.choices import Choices

FORMATS = (("md", "Markdown: plain text, reads well anywhere"),
           ("html", "HTML: a page to open in a browser or print as a routine sheet"),
           ("json", "JSON: for other programs"),
           ("fhir", "FHIR: for a clinician's health record system"))


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    BINDINGS = [*keymap.MODAL, *(Binding(str(n), f"pick({n})", show=False, id=f"export-format-{n}")
                                 for n in range(1, len(FORMATS) + 1))]
    HELP_TOPIC = "export"

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Save the summary as:", markup=False)
            yield Choices([(fmt, label) for fmt, label in FORMATS], id="formats")
            yield Static("Into this folder (Tab to change it):", markup=False)
            yield Input(str(self.folder), id="folder")

    def on_mount(self) -> None:
        self.query_one(Choices).focus()

    def action_pick(self, number: int) -> None:
        if self.focused is not self.query_one(Input):
            self._done(self.query_one(Choices).value_at(number))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._done(self.query_one(Choices).values[event.option_index])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        choices = self.query_one(Choices)
        self._done(choices.values[choices.highlighted or 0])

    def _done(self, fmt: object) -> None:
        """A format was picked (None: a number with no format behind it, ignored)."""
        if isinstance(fmt, str):
            folder = self.query_one(Input).value.strip() or str(self.folder)
            self.dismiss((fmt, Path(folder).expanduser()))

    def action_close(self) -> None:
        self.dismiss(None)
