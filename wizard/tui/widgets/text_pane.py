"""The part of a step that may be longer than the window (steps, stop rule, help), and the line under it
that says there is more to read.

A person who cannot see that text scrolls never reads the last steps of a self-test (the new-user review
found "A positive result feels like" cut off at 80x24). So the pane says "more below" whenever it is not
scrolled to the end, and PageUp/PageDown move it even while the answer list has the focus.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from wizard.wording import MORE_BELOW


class MoreBelow(Static):
    """One line under the pane, saying "more below" while some of its text is out of sight below. The line is
    kept (blank) while the pane shows all its text, so the hint coming or going redraws one line: taking the
    line away moved everything under the pane and redrew the whole screen a frame after each new step."""

    def __init__(self, display: bool = True) -> None:
        """`display`: whether its pane is shown at first (the line is there exactly when the pane is)."""
        super().__init__("", id="more", markup=False)
        self.display = display
        self.says_more = False

    def show_more(self, more: bool) -> None:
        if more != self.says_more:
            self.says_more = more
            self.update(MORE_BELOW if more else "", layout=False)


class TextPane(VerticalScroll, can_focus=False):
    """A scrolling pane that keeps its `MoreBelow` line up to date. Not focusable: the keys that scroll it
    are the screen's, so the focus stays on the answers."""

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._update_hint, init=False)
        self.watch(self, "virtual_size", self._hint_after_layout, init=False)

    def _hint_after_layout(self, *_) -> None:
        """Textual sets the new virtual size before the pane's own size: judged in between, text that fits
        looked one line too long, the hint took a line, the text fitted... and the screen flickered on."""
        self.call_after_refresh(self._update_hint)

    def on_resize(self) -> None:
        self.call_after_refresh(self._update_hint)

    @property
    def more_below(self) -> bool:
        return self.scroll_y < self.max_scroll_y - 0.5

    def _update_hint(self, *_) -> None:
        if not self.is_attached:
            return
        for hint in self.screen.query(MoreBelow):
            hint.display = self.display
            hint.show_more(self.display and self.more_below)

    def restart(self) -> None:
        """Back at the top for new text (a new step on the same screen). The hint goes until the new text is
        laid out, as on a new screen: the last step's "more below" must never stand under text that fits."""
        self.scroll_home(animate=False, immediate=True)
        for hint in self.screen.query(MoreBelow):
            hint.display = self.display
            hint.show_more(False)
        if self.display:
            self.call_after_refresh(self._update_hint)

    def page(self, direction: int) -> None:
        """Move the text a page (less a line, so the reader keeps their place) up or down."""
        step = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False)
