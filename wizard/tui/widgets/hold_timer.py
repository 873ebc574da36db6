"""A start/stop timer for held self-tests (e.g. stand on one leg for 30 seconds).

It only shows time; the person decides the result. The clock is an attribute so tests can move time on
without waiting for it.
"""

from __future__ import annotations

import time

from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from wizard.tui.safe_text import literal


class HoldTimer(Static):
    """Counts up to `target` seconds once started; `t` (or a click) starts and stops it."""

    elapsed: reactive[float] = reactive(0.0)
    clock = staticmethod(time.monotonic)

    class Stopped(Message):
        """The person stopped the clock: a measure in seconds can take the time as its answer."""

        def __init__(self, seconds: int) -> None:
            super().__init__()
            self.seconds = seconds

    def __init__(self, target: int, key: str = "t") -> None:
        """`key`: the key named in the timer's own words (a measure's box takes `t`, so it uses Ctrl+T)."""
        super().__init__(id="timer", markup=False)
        self.target, self.key = target, key
        self.started_at: float | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def on_mount(self) -> None:
        self._ticker = self.set_interval(0.25, self._tick, pause=True)
        self.update(self.render_text())

    def reset(self, target: int, key: str) -> None:
        """Stopped at zero with a new target: the walk screen keeps one timer for every held test, and a
        clock left running from the last step would mislead."""
        self.target, self.key = target, key
        self.stop()
        if self.elapsed:
            self.elapsed = 0.0
        self.update(self.render_text())

    def stop(self) -> None:
        """Stop counting (and so never ring) without a redraw: for a timer put out of sight."""
        self.started_at = None
        if hasattr(self, "_ticker"):
            self._ticker.pause()

    def toggle(self) -> None:
        if self.running:
            self._tick()
            self.started_at = None
            self._ticker.pause()
            self.post_message(self.Stopped(int(self.elapsed)))
        else:
            self.elapsed = 0.0
            self.started_at = self.clock()
            self._ticker.resume()
        self.update(self.render_text())

    def on_click(self) -> None:
        self.toggle()

    def _tick(self) -> None:
        if self.started_at is not None:
            self.elapsed = self.clock() - self.started_at

    def watch_elapsed(self, before: float, now: float) -> None:
        """Redraw; ring the terminal bell once as the target passes (the person is not looking at the screen)."""
        if self.running and before < self.target <= now:
            self.app.bell()
        self.update(self.render_text())

    def render_text(self):
        seconds = int(self.elapsed)
        if self.running and seconds >= self.target:
            return literal((f"⏱ {seconds} s - time is up: press {self.key} to stop", "bold reverse"))
        if self.running:
            return literal((f"⏱ {seconds} s of {self.target} s", "bold"), f" - press {self.key} to stop")
        if self.elapsed:
            return literal((f"⏱ stopped at {seconds} s", "bold"),
                           f" (target {self.target} s) - press {self.key} to start again")
        return literal((f"⏱ Timer: {self.target} s", "bold"), f" - press {self.key} to start when you are in position")
