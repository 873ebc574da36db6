"""Shared helpers for the history tests (trees, a stepping clock, walking a session through a journal, a
schema-1 history file); test modules import from here, never from each other."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, UTC
from pathlib import Path

from wizard.authoring.scenarios import negative_answer
from wizard.history.store import DB_NAME, Store, migrate
from wizard.walk.engine import Session

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


RETEST = {"measures/pain": 3, "measures/walking": 85, "measures/hold": 20,
          "side-tests/stance": "right", "side-tests/press": "positive", "quick-retest/wrap": False}


def fill(store: Store, library, tree: str, given: dict) -> Session:
    """Walk `tree` to its end through a journal: `given` answers, else the negative / lowest / first one."""
    session, journal = Session(library, tree), store.journal()
    journal.begin(session)
    while session.current is not None:
        node = session.current
        value = given.get(node.qid, negative_answer(node))
        if value is None:
            value = node.min if node.kind == "measure" else node.options[0].value
        session.answer(value)
        journal.record(session)
    journal.finish(session)
    return session


OUTER_HIP = {"red-flags/who": "self", "red-flags/age": 45, "full-check/where": ["outside"],
             "side-tests/stance30": "left", "measures/pain": 4, "measures/walking": 80}


V1_STATE = {"format": 1, "tree": "full-check", "trees": {}, "answers": FULL}


def write_v1_file(data_dir):
    """A history exactly as schema 1 wrote it: sessions with their JSON state, nothing else."""
    data_dir.mkdir(mode=0o700)
    conn = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn, upto=1)
    conn.execute("INSERT INTO sessions VALUES ('old-1', 'full-check', '2025-01-01T09:00:00+00:00', "
                 "'2025-01-01T09:20:00+00:00', 'finished', ?, 'self_care', '[\"example-tendon\"]')",
                 (json.dumps(V1_STATE),))
    conn.close()
