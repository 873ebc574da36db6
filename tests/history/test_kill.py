"""`kill -9` right after answer N loses nothing that was answered, for every N, and leaves a sound database.

A small child process walks the fixture trees through the store's journal and prints "answered N" once
`record` has returned. The test kills it with SIGKILL at that moment, then checks every answer 1..N.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys

import pytest

from wizard.history.store import DB_NAME, Store

from .helpers import CATALOGUE, FULL, REPO, TREES

CHILD = """
import json, sys
from pathlib import Path
from wizard.content import loader
from wizard.walk.engine import Session
from wizard.history.store import Store

data_dir, trees, catalogue, answers, paced = sys.argv[1:6]
library = loader.load([Path(trees), Path(catalogue)], bundled=False)
answers = json.loads(answers)
store = Store.open(Path(data_dir))
count = 0
while True:
    if paced == "paced" and count:
        sys.stdin.readline()  # paced: the next walk starts only when asked, so a kill after the last answer races nothing
    session = Session(library, "full-check")
    journal = store.journal()
    session_id = journal.begin(session)
    while session.current is not None:
        if paced == "paced":
            sys.stdin.readline()
        qid = session.current.qid
        session.answer(answers[qid])
        journal.record(session)
        count += 1
        print("answered", count, session_id, qid, flush=True)
"""


def start_child(tmp_path, paced: str) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    return subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "data"), str(TREES), str(CATALOGUE), json.dumps(FULL), paced],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO)


def read_until(child: subprocess.Popen, n: int, step=None) -> list[tuple[str, str]]:
    """(session id, qid) of answers 1..n, in the order the child reported them."""
    seen = []
    while len(seen) < n:
        if step:
            step()
        words = child.stdout.readline().split()
        assert words[:2] == ["answered", str(len(seen) + 1)], f"child said {words!r}"
        seen.append((words[2], words[3]))
    return seen


def kill(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL


def saved_answers(tmp_path) -> dict[str, dict]:
    with Store.open(tmp_path / "data") as store:
        assert store.notices == [], "a killed walk must not look like a damaged file"
        return {row.id: store.load(row.id)["answers"] for row in store.sessions()}


def assert_sound(tmp_path) -> None:
    conn = sqlite3.connect(tmp_path / "data" / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def poke(child):
    return lambda: (child.stdin.write("\n"), child.stdin.flush())


@pytest.mark.parametrize("n", range(1, len(FULL) + 1))
def test_sigkill_right_after_answer_n_keeps_answers_1_to_n(tmp_path, library, n):
    child = start_child(tmp_path, "paced")
    try:
        seen = read_until(child, n, step=poke(child))
    finally:
        kill(child)
    # The child reports the id it saved under. After the last answer it may already have begun (and saved) the
    # next, empty walk before the kill lands, so the walk is picked by that id, not by being the only one.
    [session_id] = {sid for sid, _ in seen}
    saved = saved_answers(tmp_path)
    answers = saved.pop(session_id)
    assert all(not later for later in saved.values()), "a walk begun after answer N holds no answers"
    assert list(answers) == [qid for _, qid in seen], "exactly answers 1..N, nothing more, nothing less"
    assert all(answers[qid] == FULL[qid] for _, qid in seen)
    assert_sound(tmp_path)
    with Store.open(tmp_path / "data") as store:
        session, notes, _ = store.resume(session_id, library)
        assert notes == [] and session.answers == answers
        expected = "in_progress" if n < len(FULL) else "finished"
        assert store.session(session_id).status == session.status == expected


@pytest.mark.parametrize("n", [3, 25, 60])
def test_sigkill_while_answering_at_full_speed_loses_nothing_reported(tmp_path, n):
    child = start_child(tmp_path, "free")
    try:
        seen = read_until(child, n)
    finally:
        kill(child)
    saved = saved_answers(tmp_path)
    for session_id, qid in seen:
        assert saved[session_id][qid] == FULL[qid]
    assert_sound(tmp_path)
