"""Where front ends report every change to a session, so that nothing answered is ever lost.

The engine stays pure; front ends (TUI, plain, JSON lines) call a journal after each answer, back or edit.
`NullJournal` keeps nothing (scripted play, tests); the history store provides the real one. A journal must
make the change durable before it returns.
"""

from __future__ import annotations

from typing import Protocol

from wizard.walk.engine import Session


class Journal(Protocol):
    def begin(self, session: Session) -> str | None:
        """A new walk starts; return an id for it (or None when nothing is kept)."""

    def record(self, session: Session) -> None:
        """An answer was given, changed or taken back: store the session's full state now."""

    def finish(self, session: Session) -> None:
        """The walk has ended (finished or emergency): store its result."""


class NullJournal:
    """Keeps nothing. Front ends say so to the person where it matters ("answers will be lost")."""

    keeps_history = False

    def begin(self, session: Session) -> str | None:
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

    def __init__(self, journal, report):
        self.journal, self.report, self.failed = journal, report, False

    @property
    def keeps_history(self) -> bool:
        return getattr(self.journal, "keeps_history", False) and not self.failed

    def begin(self, session: Session) -> str | None:
        return self._guard(self.journal.begin, session)

    def resume(self, session_id: str, session: Session) -> str | None:
        """Keep writing a resumed (or replayed) walk under its saved id; plain `begin` for journals without ids."""
        carry_on = getattr(self.journal, "resume", None)
        if carry_on is None:
            return self.begin(session)
        return self._guard(lambda s: carry_on(session_id, s), session)

    def record(self, session: Session) -> None:
        self._guard(self.journal.record, session)

    def finish(self, session: Session) -> None:
        self._guard(self.journal.finish, session)

    def __getattr__(self, name: str):
        return getattr(self.journal, name)

    def _guard(self, call, session: Session):
        from wizard.errors import StateError
        try:
            return call(session)
        except (StateError, OSError) as exc:
            if not self.failed:
                self.failed = True
                self.report(f"Your answers could not be saved ({exc}); they will be lost when you quit.")
            return None
