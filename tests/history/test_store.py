"""The history store: answers survive, resume is exact, files are private, bad files are handled safely."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat

import pytest

from wizard.errors import StateError
from wizard.walk.engine import Session
from wizard.walk.resume import restore
from wizard.history.store import DB_NAME, SCHEMA_VERSION, Store, StoreError, transaction

from .helpers import FULL, V1_STATE, walk, write_v1_file


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_finished_walk_is_listed_with_urgency_and_findings(store, library):
    session_id, _ = walk(store, library, "full-check", FULL)
    [row] = store.sessions()
    assert (row.id, row.tree_id, row.status) == (session_id, "full-check", "finished")
    assert (row.urgency, row.findings) == ("self_care", ("example-tendon",))
    assert store.latest_id(finished_only=True) == session_id


def test_a_part_walk_resumes_at_the_same_step_with_the_same_answers(store, library, data_dir):
    part = {q: FULL[q] for q in list(FULL)[:4]}
    session_id, before = walk(store, library, "full-check", part)
    store.close()
    with Store.open(data_dir) as reopened:
        assert [r.id for r in reopened.unfinished()] == [session_id]
        session, notes, journal = reopened.resume(session_id, library)
        assert notes == []
        assert session.answers == before.answers
        assert session.current.qid == before.current.qid == "side-tests/stance"
        session.answer("neither")
        journal.record(session)
        assert [r.id for r in reopened.sessions()] == [session_id]
        assert reopened.load(session_id)["answers"]["side-tests/stance"] == "neither"


def test_resume_says_when_a_tree_changed_since(store, library):
    session_id, _ = walk(store, library, "full-check", {"full-check/intro": True})
    saved = store.load(session_id)
    saved["trees"]["full-check"]["hash"] = "an-older-version"
    _, notes = restore(library, saved)
    assert any("has changed since" in note for note in notes)


def test_unfinished_lists_only_part_walks_newest_first(store, library):
    first, _ = walk(store, library, "full-check", {"full-check/intro": True})
    walk(store, library, "full-check", FULL)
    third, _ = walk(store, library, "quick-retest", {"measures/pain": 3})
    assert [r.id for r in store.unfinished()] == [third, first]


def test_going_back_after_the_end_reopens_the_walk(store, library):
    session_id, session = walk(store, library, "full-check", FULL)
    journal = store.journal(session_id)
    journal.begin(session)
    session.back()
    journal.record(session)
    row = store.session(session_id)
    assert (row.status, row.urgency, row.findings) == ("in_progress", None, ())
    assert store.latest_id(finished_only=True) is None


def test_measures_and_self_tests_are_rows_with_label_and_unit(store, library):
    walk(store, library, "full-check", FULL)
    rows = {r.qid: r for r in store.answer_rows()}
    assert set(rows) == {"measures/pain", "measures/walking", "measures/hold", "side-tests/stance", "side-tests/press"}
    assert (rows["measures/walking"].kind, rows["measures/walking"].unit, rows["measures/walking"].value) == (
        "measure", "%", 70)
    assert (rows["side-tests/stance"].label, rows["side-tests/stance"].value) == ("Single-leg stance", "left")


def test_pages_of_walks_and_the_latest_walks_answers_add_up_to_the_whole(store, library):
    ids = [walk(store, library, "full-check", {**FULL, "measures/pain": n})[0] for n in range(5)]
    pages = [store.sessions(limit=2, offset=start) for start in (0, 2, 4)]
    assert [len(p) for p in pages] == [2, 2, 1] and store.session_count() == 5
    assert [r.id for page in pages for r in page] == [r.id for r in store.sessions()] == ids[::-1]
    latest = store.answer_rows(last=2)
    assert {r.session_id for r in latest} == set(ids[-2:])
    assert [r for r in store.answer_rows() if r.session_id in ids[-2:]] == latest


def test_delete_removes_one_walk_and_wipe_removes_all(store, library):
    keep, _ = walk(store, library, "full-check", FULL)
    gone, _ = walk(store, library, "full-check", FULL)
    store.delete(gone)
    assert [r.id for r in store.sessions()] == [keep]
    assert {r.session_id for r in store.answer_rows()} == {keep}
    store.wipe()
    assert store.sessions() == [] and store.answer_rows() == []


def test_deleting_an_unknown_session_says_so(store):
    with pytest.raises(Exception, match="no saved session 'nope'"):
        store.delete("nope")


def test_files_are_private_under_umask_022(tmp_path, library):
    data_dir = tmp_path / "new-parent" / "data"
    old = os.umask(0o022)
    try:
        with Store.open(data_dir) as opened:
            walk(opened, library, "full-check", {"full-check/intro": True})
            files = {p.name: mode(p) for p in data_dir.iterdir()}
    finally:
        os.umask(old)
    assert mode(data_dir) == mode(data_dir.parent) == 0o700, "folders it creates, parents too, are private"
    assert files == {DB_NAME: 0o600, DB_NAME + "-wal": 0o600, DB_NAME + "-shm": 0o600, "locks": 0o700}
    assert os.umask(old) == old, "the process umask is restored"


@pytest.mark.parametrize("existing", [0o1777, 0o755, 0o555])
def test_an_existing_folder_keeps_its_mode_and_a_readable_one_gets_a_notice(tmp_path, existing):
    """Attack run F10: `--data-dir /tmp` must not make /tmp private (or re-open a folder made read-only)."""
    data_dir = tmp_path / "shared"
    data_dir.mkdir()
    os.chmod(data_dir, existing)
    try:
        with Store.open(data_dir) as opened:
            notices = opened.notices
    except Exception:  # a read-only folder as a non-root user: the store cannot open, and says so
        notices = None
    assert mode(data_dir) == existing
    if existing & 0o077 and notices is not None:
        assert any("can be opened by other users" in n and f"{existing:04o}" in n for n in notices)
    os.chmod(data_dir, 0o700)


def test_the_user_data_folder_follows_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    with Store.open() as opened:
        assert opened.path == tmp_path / "elsewhere" / "hip-wizard" / DB_NAME
    assert opened.path.exists()


def test_wal_mode_and_full_sync_are_on(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def _moved_aside(data_dir):
    return sorted(p for p in data_dir.iterdir() if ".broken-" in p.name)


@pytest.mark.parametrize("content", [
    b"this is my shopping list, not a database\n",
    b"SQLite format 3\x00" + b"\xff" * 300,
], ids=["text-file", "damaged-header"])
def test_a_corrupt_file_is_moved_aside_and_a_fresh_history_starts(data_dir, library, content):
    data_dir.mkdir(mode=0o700)
    (data_dir / DB_NAME).write_bytes(content)
    with Store.open(data_dir) as opened:
        assert "could not be used" in opened.notices[0] and "nothing was deleted" in opened.notices[0]
        walk(opened, library, "full-check", FULL)
        assert len(opened.sessions()) == 1
    [moved] = _moved_aside(data_dir)
    assert moved.read_bytes() == content


def test_a_damaged_page_is_caught_by_the_integrity_check(data_dir, library):
    with Store.open(data_dir) as opened:
        session_id, _ = walk(opened, library, "full-check", FULL)
        with transaction(opened.conn):  # enough rows for several pages, in one commit
            opened.conn.executemany(
                "INSERT INTO sessions (id, tree_id, started, updated, status, state) "
                "SELECT ?, tree_id, started, updated, status, state FROM sessions WHERE id = ?",
                [(f"copy-{n}", session_id) for n in range(60)])
        opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = data_dir / DB_NAME
    raw = bytearray(path.read_bytes())
    page = 4096
    raw[2 * page: 3 * page] = b"\x0d" + b"\x55" * (page - 1)
    path.write_bytes(bytes(raw))
    with Store.open(data_dir) as opened:
        assert opened.notices and "damaged" in opened.notices[0]
        assert opened.sessions() == []
    assert len(_moved_aside(data_dir)) == 1


def test_another_programs_database_is_moved_aside(data_dir):
    data_dir.mkdir(mode=0o700)
    foreign = sqlite3.connect(data_dir / DB_NAME)
    foreign.execute("CREATE TABLE recipes (name TEXT)")
    foreign.commit()
    foreign.close()
    with Store.open(data_dir) as opened:
        assert "another program" in opened.notices[0]
    [moved] = _moved_aside(data_dir)
    assert sqlite3.connect(moved).execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def test_a_history_from_a_newer_version_is_refused_and_left_untouched(data_dir, library):
    with Store.open(data_dir) as opened:
        walk(opened, library, "full-check", FULL)
        opened.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = _digests(data_dir)
    with pytest.raises(StoreError, match="newer hip-wizard"):
        Store.open(data_dir)
    assert _digests(data_dir) == before


def test_a_version_1_history_is_migrated_without_loss(data_dir, library):
    write_v1_file(data_dir)
    with Store.open(data_dir) as opened:
        assert opened.notices == []
        assert opened.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [row] = opened.sessions()
        assert (row.id, row.urgency, row.findings) == ("old-1", "self_care", ("example-tendon",))
        assert opened.load("old-1") == V1_STATE
        assert opened.latest_id(finished_only=True) == "old-1"
        migrated = {r.qid: r.value for r in opened.answer_rows()}
        assert migrated["measures/walking"] == 70 and migrated["side-tests/stance"] == "left"
        session, _ = restore(library, opened.load("old-1"))
        assert session.finished



def test_a_data_folder_that_is_a_file_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("hello")
    with pytest.raises(StoreError, match="cannot open the history in"):
        Store.open(blocker)
    assert blocker.read_text() == "hello"


def test_a_write_that_fails_says_the_answer_was_not_saved(store, library):
    session_id, session = walk(store, library, "full-check", {"full-check/intro": True})
    store.conn.execute("PRAGMA query_only = ON")
    session.answer(4)
    with pytest.raises(StoreError, match="could not be saved"):
        store.journal(session_id).record(session)


@pytest.mark.parametrize("value", ["1e999", "-Infinity", "NaN", "[" * 5000 + "]" * 5000, "[" * 100 + "]" * 100],
                         ids=["huge", "infinity", "nan", "deep", "deeper-than-64"])
def test_hostile_stored_values_are_damage_not_crashes(store, library, value):
    """Attack run F8: values nobody but a hand edit could store are left out or reported as damage."""
    session_id, _ = walk(store, library, "full-check", FULL)
    store.conn.execute("UPDATE answers SET value = ? WHERE qid = 'measures/pain'", (value,))
    store.conn.execute("UPDATE sessions SET state = ?", ('{"answers": ' + value + "}",))
    assert [r.qid for r in store.answer_rows() if r.qid == "measures/pain"] == []
    with pytest.raises(StateError, match="damaged"):
        store.load(session_id)


def test_a_walk_open_in_another_window_is_not_offered_nor_taken(data_dir, library):
    """Attack run F9: B must neither see A's live walk as unfinished nor overwrite it once A finishes."""
    with Store.open(data_dir) as window_a, Store.open(data_dir) as window_b:
        session = Session(library, "full-check")
        journal = window_a.journal()
        walk_id = journal.begin(session)
        session.answer(True)
        journal.record(session)
        assert [r.id for r in window_a.unfinished()] == [walk_id], "its own window may list it"
        assert window_b.unfinished() == []
        with pytest.raises(StateError, match="open in another hip-wizard window"):
            window_b.resume(walk_id, library)
    with Store.open(data_dir) as later:  # window A closed (or was killed): the walk is free to carry on
        assert [r.id for r in later.unfinished()] == [walk_id]
        resumed, _, _ = later.resume(walk_id, library)
        assert resumed.answers == session.answers
