"""Where front ends report every change to a session, so that nothing answered is ever lost.

The engine stays pure; front ends (TUI, plain, JSON lines) call a journal after each answer, back or edit.
`NullJournal` keeps nothing (scripted play, tests); the history store provides the real one. A journal must
make the change durable before it returns.
"""

from __future__ import annotations

from typing import Protocol

from .engine import Session


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
