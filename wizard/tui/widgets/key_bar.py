"""The live key bindings on one line at the bottom of every screen; click a key to press it.

Textual's stock Footer builds a widget per key and rebuilds them on every binding change; with a new screen
per step that doubled the time from a key press to the next question being drawn. This is one Static
whose text is rebuilt from the screen's active bindings (our own words only, never tree text).
"""

from __future__ import annotations

from textual.content import Content
from textual.markup import escape
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="keys")
        self._shown: tuple = ()
        self._parsed: dict[tuple, Content] = {}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.show_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen:
            self.show_keys()

    def show_keys(self) -> None:
        """Redraw only when the keys changed: binding updates arrive often and parsing markup is not free.
        The walk screen swaps between a few key sets step after step, so each one's parsed line is kept."""
        keys = tuple(self._key_markup())
        if keys == self._shown:
            return
        self._shown = keys
        line = self._parsed.get(keys)
        if line is None:
            palette = ("[@click=app.command_palette][bold $footer-key-foreground]^p[/] Commands[/]",
                       ) if self.app.ENABLE_COMMAND_PALETTE else ()
            line = self._parsed[keys] = Content.from_markup("  ".join(keys + palette))
        self.update(line)

    def _key_markup(self):
        shown: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in shown:
                continue
            shown.add(binding.action)
            label = escape(self.app.get_key_display(binding))
            yield (f"[@click=app.simulate_key({key!r})][bold $footer-key-foreground]{label}[/] "
                   f"{escape(binding.description)}[/]")
