"""Where front ends report every change to a session, so that nothing answered is ever lost.

The engine stays pure; front ends (TUI, plain, JSON lines) call a journal after each answer, back or edit.
`NullJournal` keeps nothing (scripted play, tests); the history store's `StoreJournal` is the real one. A
journal must make the change durable before it returns. Front ends type their journal as `Journal` and
call it directly: every journal has every method, so nobody probes with `getattr`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from wizard.errors import StateError
from wizard.walk.engine import Session

T = TypeVar("T")


class Journal(Protocol):
    """What a front end reports to. `StoreJournal` (wizard/history/store.py) and `NullJournal` implement it."""

    @property
    def keeps_history(self) -> bool:
        """True when what is recorded survives the program (front ends warn before losing answers otherwise)."""
        ...

    def begin(self, session: Session) -> str | None:
        """A new walk starts; return an id for it (or None when nothing is kept)."""
        ...

    def resume(self, session_id: str, session: Session) -> str | None:
        """Keep writing a resumed (or replayed) walk under its saved id; None when nothing is kept."""
        ...

    def id_of(self, session: Session) -> str | None:
        """The id this journal keeps `session` under, or None (not begun, or nothing is kept)."""
        ...

    def record(self, session: Session) -> None:
        """An answer was given, changed or taken back: store the session's full state now (the first answer of
        a fresh walk begins it: the app does not write a walk nobody has answered)."""
        ...

    def finish(self, session: Session) -> None:
        """The walk has ended (finished or emergency): store its result."""
        ...


class NullJournal:
    """Keeps nothing. Front ends say so to the person where it matters ("answers will be lost")."""

    keeps_history = False

    def begin(self, session: Session) -> str | None:
        return None

    def resume(self, session_id: str, session: Session) -> str | None:
        return None

    def id_of(self, session: Session) -> str | None:
        return None

    def record(self, session: Session) -> None:
        return None

    def finish(self, session: Session) -> None:
        return None


class GuardedJournal:
    """Wraps a journal so that a failed save is reported to the person instead of ending the walk.

    The walk itself can go on (the answers are still in memory); the front end shows `report`'s message,
    once, so the person knows their answers are no longer being kept.
    """

    def __init__(self, journal: Journal, report: Callable[[str], object]):
        self.journal, self.report, self.failed = journal, report, False

    @property
    def keeps_history(self) -> bool:
        return self.journal.keeps_history and not self.failed

    def begin(self, session: Session) -> str | None:
        return self._guard(lambda: self.journal.begin(session))

    def resume(self, session_id: str, session: Session) -> str | None:
        return self._guard(lambda: self.journal.resume(session_id, session))

    def id_of(self, session: Session) -> str | None:
        return self.journal.id_of(session)

    def record(self, session: Session) -> None:
        self._guard(lambda: self.journal.record(session))

    def finish(self, session: Session) -> None:
        self._guard(lambda: self.journal.finish(session))

    def _guard(self, call: Callable[[], T]) -> T | None:
        try:
            return call()
        except (StateError, OSError) as exc:
            if not self.failed:
                self.failed = True
                self.report(f"Your answers could not be saved ({exc}); they will be lost when you quit.")
            return None
