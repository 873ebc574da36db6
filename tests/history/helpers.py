"""Shared helpers for the history tests (trees, a stepping clock, walking a session through a journal)."""

from __future__ import annotations

from datetime import datetime, timedelta, UTC
from pathlib import Path

from wizard.walk.engine import Session
from wizard.history.store import Store

REPO = Path(__file__).resolve().parents[2]
TREES = Path(__file__).resolve().parent / "trees"
CATALOGUE = REPO / "trees" / "examples" / "example-catalogue.yaml"
FULL = {"full-check/intro": True, "measures/pain": 6, "measures/walking": 70, "measures/hold": 20,
        "side-tests/stance": "left", "side-tests/press": "negative", "full-check/job": "desk"}


class Clock:
    """A clock that moves one minute each time it is read, so rows sort and snapshots stay the same."""

    def __init__(self, start: datetime = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)):
        self.at = start

    def __call__(self) -> datetime:
        self.at += timedelta(minutes=1)
        return self.at

    def jump(self, **delta) -> None:
        self.at += timedelta(**delta)


def walk(store: Store, library, tree: str, answers: dict) -> tuple[str, Session]:
    """Answer `answers` in walk order through a journal, as a front end would; return (id, session)."""
    session = Session(library, tree)
    journal = store.journal()
    session_id = journal.begin(session)
    while session.current is not None and session.current.qid in answers:
        session.answer(answers[session.current.qid])
        journal.record(session)
    if session.finished:
        journal.finish(session)
    return session_id, session
