"""Private history on this machine: every walk in one SQLite file, each answer committed as it is given.

Why SQLite in WAL mode with `synchronous=FULL`: a commit that has returned survives `kill -9`, a closed
terminal or a power cut, and a reader (the history screen) never blocks the walk that is writing. Files are
private (folder 0700, database and its -wal/-shm 0600) whatever the umask. A damaged or foreign file is moved
aside with a timestamp, never deleted; a file written by a newer hip-wizard is refused without touching it.

Sessions are stored as `Session.to_dict()` JSON (the one source of truth for resuming) plus, from schema 2,
one row per answer on the walk's path with its kind, label and unit, so trends need no JSON parsing and still
read sensibly after a tree has changed.
"""

from __future__ import annotations

import json
import math
import os
import stat
import sqlite3
from contextlib import contextmanager
from wizard.lazy_dataclass import dataclass  # made on first use: see there why
from datetime import datetime, UTC
from pathlib import Path
from typing import Callable, Iterator, cast
from weakref import WeakKeyDictionary

from wizard.walk.engine import Session
from wizard.walk.resume import restore
from wizard.errors import StateError
from wizard.history.walk_lock import WalkLocks
from wizard.content.model import Library, Measure

APP_NAME = "hip-wizard"
DB_NAME = "history.sqlite3"
SIDECARS = ("-wal", "-shm", "-journal")
CHECKED_SUFFIX = ".checked"  # the file's inode, size and mtime at hip-wizard's last clean close
APPLICATION_ID = 0x48495057  # "HIPW": tells our file from any other SQLite database
SQLITE_HEADER = b"SQLite format 3\x00"
SCHEMA_VERSION = 2
STORE_KINDS = ("measure", "self_test")

Clock = Callable[[], datetime]


class StoreError(StateError):
    """The history file cannot be used as it is (for example, it was written by a newer hip-wizard)."""


@dataclass(frozen=True)
class SessionRow:
    """One walk as the history list shows it."""

    id: str
    tree_id: str
    started: str
    updated: str
    status: str
    urgency: str | None
    findings: tuple[str, ...]


@dataclass(frozen=True)
class AnswerRow:
    """One answer of one walk, with enough context to chart it. `kind` is None for rows migrated from v1."""

    session_id: str
    started: str
    tree_id: str
    status: str
    qid: str
    kind: str | None
    label: str | None
    unit: str | None
    value: object


def utc_now() -> datetime:
    return datetime.now(UTC)


def default_data_dir() -> Path:
    """The per-user data folder; platformdirs honours XDG_DATA_HOME on Linux."""
    import platformdirs
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def author_data_dir() -> Path:
    """Where walks of an author's run (`run --watch`, `run --trees`) are kept: beside, never inside, the
    person's own history, so trying a tree does not fill their history with test walks."""
    return default_data_dir() / "author-runs"


def data_dir_for_run(data_dir: Path | None, trees: list, watch: bool) -> tuple[Path | None, str | None]:
    """(the folder to keep this run's walks in, what to tell the person about it). An explicit --data-dir
    always wins; an author's run without one goes to `author_data_dir()`."""
    if data_dir is not None or not (trees or watch):
        return data_dir, None
    folder = author_data_dir()
    return folder, (f"Trying your own trees: walks are kept apart from your own history, in {folder} "
                    "(give --data-dir to choose another folder).")


# --- schema and migrations ---------------------------------------------------------------------------------

V1_STATEMENTS = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY, tree_id TEXT NOT NULL, started TEXT NOT NULL, updated TEXT NOT NULL,
        status TEXT NOT NULL, state TEXT NOT NULL, urgency TEXT, findings TEXT NOT NULL DEFAULT '[]')""",
    "CREATE INDEX sessions_updated ON sessions(updated)",
)

V2_STATEMENTS = (
    "ALTER TABLE sessions ADD COLUMN finished TEXT",
    "UPDATE sessions SET finished = updated WHERE status != 'in_progress'",
    """CREATE TABLE answers (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, position INTEGER NOT NULL,
        qid TEXT NOT NULL, kind TEXT, label TEXT, unit TEXT, value TEXT NOT NULL,
        PRIMARY KEY (session_id, qid))""",
    "CREATE INDEX answers_qid ON answers(qid)",
)


def _to_v1(conn: sqlite3.Connection) -> None:
    for statement in V1_STATEMENTS:
        conn.execute(statement)


def _to_v2(conn: sqlite3.Connection) -> None:
    """Add the finished time and one row per answer, back-filled from the saved JSON (kinds unknown yet)."""
    for statement in V2_STATEMENTS:
        conn.execute(statement)
    for session_id, state in conn.execute("SELECT id, state FROM sessions").fetchall():
        answers = _answers_of(state)
        conn.executemany(
            "INSERT OR IGNORE INTO answers (session_id, position, qid, value) VALUES (?, ?, ?, ?)",
            [(session_id, i, qid, json.dumps(value)) for i, (qid, value) in enumerate(answers.items())])


MAX_DEPTH = 64


def read_json(text: str | bytes) -> object:
    """A stored JSON value; `ValueError` for anything hip-wizard never writes: NaN, infinities, numbers too
    big for a float, or nesting deeper than MAX_DEPTH (someone edited the private file by hand)."""
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise ValueError("it nests too deeply") from None
    _check_depth(value)
    return value


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number hip-wizard stores")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too big a number")
    return value


def _check_depth(value: object) -> None:
    """Iterative, so a deep value cannot exhaust the stack while it is being measured."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValueError(f"it nests deeper than {MAX_DEPTH} levels")
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children)


def _answers_of(state: str) -> dict:
    try:
        answers = read_json(state).get("answers", {})  # type: ignore[attr-defined]  # not a dict: except
    except (ValueError, AttributeError):
        return {}
    return {str(q): v for q, v in answers.items()} if isinstance(answers, dict) else {}


MIGRATIONS = {1: _to_v1, 2: _to_v2}


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT; the commit has reached the disk (synchronous=FULL) when this exits."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def migrate(conn: sqlite3.Connection, upto: int = SCHEMA_VERSION) -> None:
    """Bring the schema forward one version at a time, each step in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for step in range(version + 1, upto + 1):
        with transaction(conn):
            MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {step}")


# --- files: privacy, inspection, moving aside --------------------------------------------------------------


def _private_dir(folder: Path) -> list[str]:
    """Create the folder (and any missing parents) private, 0700; a folder that already exists keeps its
    mode, because it may be shared (`--data-dir /tmp`) and changing it could lock others out. Returns a
    notice when such a folder can be read by others."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    for created in reversed(missing):
        created.mkdir(mode=0o700, exist_ok=True)
        os.chmod(created, 0o700)
    mode = stat.S_IMODE(folder.stat().st_mode)
    if missing or not mode & 0o077:
        return []
    return [f"The history folder {folder} can be opened by other users (mode {mode:04o}); hip-wizard leaves "
            "the mode of a folder it did not make alone. Your history file in it is still private (0600)."]


def _private_files(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDECARS)):
        if candidate.exists():
            os.chmod(candidate, 0o600)


def inspect_file(path: Path) -> str | None:
    """Why `path` cannot be used as our history (None if it can); `StoreError` if it is from a newer version."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        return "it is not a database (another program's file, or damaged beyond reading)"
    if int.from_bytes(header[68:72], "big") == APPLICATION_ID:
        _refuse_if_newer(path, int.from_bytes(header[60:64], "big"))
    try:
        return _inspect_database(path, verify=not _unchanged_since_close(path))
    except sqlite3.DatabaseError as exc:
        return f"the database is damaged ({exc})"


def _refuse_if_newer(path: Path, version: int) -> None:
    """Checked from the file's header bytes first, so a newer file is refused before SQLite touches it."""
    if version > SCHEMA_VERSION:
        raise StoreError(f"the history in {path} was written by a newer hip-wizard (schema {version}; this "
                         f"version reads up to {SCHEMA_VERSION}). It was left untouched: update hip-wizard, "
                         "or use --data-dir to keep a separate history.")


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + CHECKED_SUFFIX)


def _stamp(path: Path) -> str:
    info = path.stat()
    return f"{info.st_ino} {info.st_size} {info.st_mtime_ns}"


def _unchanged_since_close(path: Path) -> bool:
    """True when the file is exactly as hip-wizard left it at its last clean close (no -wal with changes
    since). The full page check (`PRAGMA quick_check`) reads the whole file, growing with the history, so
    it runs only when something else may have touched the file: a crash, a copy, another program."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size:
            return False
        return _stamp_path(path).read_text("ascii") == _stamp(path)
    except (OSError, UnicodeDecodeError):
        return False


def record_clean_close(path: Path) -> None:
    """After the last write, remember the file as it is now (see `_unchanged_since_close`); best effort."""
    old_umask = os.umask(0o077)
    try:
        _stamp_path(path).write_text(_stamp(path), "ascii")
    except OSError:
        pass
    finally:
        os.umask(old_umask)


def _inspect_database(path: Path, verify: bool = True) -> str | None:
    """Read-only when a -wal holds changes (so nothing is checkpointed); read-write otherwise, so SQLite
    removes the -wal/-shm it makes for reading when it closes, leaving no new files behind. `verify`: also
    read every page for damage."""
    wal = path.with_name(path.name + "-wal")
    mode = "ro" if wal.exists() and wal.stat().st_size else "rw"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)
    try:
        version, app_id = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("user_version", "application_id"))
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and (app_id or tables):
            return "it is a database that belongs to another program"
        _refuse_if_newer(path, version)
        if not verify:
            return None
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        return None if check == "ok" else f"the database is damaged ({check})"
    finally:
        conn.close()


def move_aside(path: Path, when: datetime) -> Path:
    """Rename the file (and its -wal/-shm) to `NAME.broken-TIMESTAMP`; nothing is ever deleted."""
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target, n = path.with_name(f"{path.name}.broken-{stamp}"), 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    for suffix in ("", *SIDECARS):
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.rename(target.with_name(target.name + suffix))
    return target


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) with a private umask, WAL, full sync and the current schema."""
    old_umask = os.umask(0o077)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "secure_delete = ON"):
            conn.execute(f"PRAGMA {pragma}")
        migrate(conn)
    finally:
        os.umask(old_umask)
    _private_files(path)
    return conn


# --- the store ---------------------------------------------------------------------------------------------


class Store:
    """The history database. Open with `Store.open()`; every write has committed when the call returns."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[str], clock: Clock):
        self.conn, self.path, self.notices, self.clock = conn, path, notices, clock
        self.locks = WalkLocks(path.parent)

    @classmethod
    def open(cls, data_dir: Path | None = None, *, clock: Clock = utc_now) -> "Store":
        """Open the history in `data_dir` (default: the user data folder); `notices` says if a file was moved."""
        folder = Path(data_dir) if data_dir is not None else default_data_dir()
        try:
            return cls._open(folder, clock)
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise StoreError(f"cannot open the history in {folder}: {reason}") from None

    @classmethod
    def _open(cls, folder: Path, clock: Clock) -> "Store":
        notices = _private_dir(folder)
        path = folder / DB_NAME
        problem = inspect_file(path)
        if problem:
            moved = move_aside(path, clock())
            notices.append(f"Your history file {path} could not be used: {problem}. It was moved aside to "
                           f"{moved.name} (nothing was deleted) and a fresh history was started.")
        return cls(connect(path), path, notices, clock)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.locks.release_all()
        self.conn.close()
        if not self.path.with_name(self.path.name + "-wal").exists():  # another process may still be writing
            record_clean_close(self.path)

    def now(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="microseconds")

    def claim(self, session_id: str) -> None:
        """Lock the walk to this window; `WalkInUse` (a StateError) if another window has it open."""
        self.locks.claim(session_id)

    def journal(self, session_id: str | None = None) -> "StoreJournal":
        """A journal for front ends; with `session_id`, the next `begin` continues that saved walk."""
        return StoreJournal(self, session_id)

    # --- reading -------------------------------------------------------------------------------------------

    def sessions(self, limit: int | None = None, offset: int = 0) -> list[SessionRow]:
        """Every walk, newest first; or `limit` of them after the first `offset` (a page of a long list)."""
        return self._rows("", (), f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else "")

    def session_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM sessions").fetchone()[0]

    def unfinished(self) -> list[SessionRow]:
        """Walks that were left part-way (closed, killed), newest first: offered for resuming. A walk open in
        another hip-wizard window right now is not offered (see walk_lock)."""
        return [row for row in self._rows("WHERE status = 'in_progress'") if not self.locks.in_use(row.id)]

    def session(self, session_id: str) -> SessionRow:
        rows = self._rows("WHERE id = ?", (session_id,))
        if not rows:
            raise StateError(f"there is no saved session '{session_id}' (see `hip-wizard history`)")
        return rows[0]

    def _rows(self, where: str, params: tuple = (), page: str = "") -> list[SessionRow]:
        query = (f"SELECT id, tree_id, started, updated, status, urgency, findings FROM sessions {where} "
                 f"ORDER BY updated DESC, rowid DESC{page}")
        return [SessionRow(r[0], r[1], r[2], r[3], r[4], r[5], tuple(_json_list(r[6])))
                for r in self.conn.execute(query, params)]

    def load(self, session_id: str) -> dict:
        """The saved `Session.to_dict()`, ready for `resume.restore(library, d)`."""
        row = self.conn.execute("SELECT state FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise StateError(f"there is no saved session '{session_id}' (see `hip-wizard history`)")
        try:
            return cast(dict, read_json(row[0]))  # restore() checks what it holds
        except (TypeError, ValueError) as exc:
            raise StateError(f"saved session '{session_id}' is damaged and cannot be read ({exc})") from None

    def resume(self, session_id: str, library: Library) -> tuple[Session, list[str], "StoreJournal"]:
        """The saved walk rebuilt, notes on what changed since, and a journal that keeps writing to it."""
        session, notes = restore(library, self.load(session_id))
        journal = self.journal(session_id)
        journal.begin(session)
        return session, notes, journal

    def latest_id(self, finished_only: bool = False) -> str | None:
        """The most recently changed walk, or the most recently finished one."""
        query = ("SELECT id FROM sessions WHERE status != 'in_progress' ORDER BY finished DESC, rowid DESC"
                 if finished_only else "SELECT id FROM sessions ORDER BY updated DESC, rowid DESC")
        row = self.conn.execute(query + " LIMIT 1").fetchone()
        return row[0] if row else None

    def latest_finished(self, tree_ids: tuple[str, ...], exclude: str | None = None) -> str | None:
        """The most recently finished walk of one of `tree_ids`, other than `exclude` (a re-test's baseline)."""
        marks = ", ".join("?" * len(tree_ids))
        row = self.conn.execute(
            f"SELECT id FROM sessions WHERE status = 'finished' AND tree_id IN ({marks}) AND id IS NOT ? "
            "ORDER BY finished DESC, rowid DESC LIMIT 1", (*tree_ids, exclude)).fetchone()
        return row[0] if row else None

    def answer_rows(self, kinds: tuple[str, ...] = STORE_KINDS, last: int | None = None) -> list[AnswerRow]:
        """Answers of these kinds (plus v1 rows whose kind is not known yet), oldest session first; with
        `last`, only those of the `last` most recently started walks (a screen need not read years of them)."""
        marks = ", ".join("?" * len(kinds))
        recent = " AND s.id IN (SELECT id FROM sessions ORDER BY started DESC, rowid DESC LIMIT ?)" if last else ""
        query = ("SELECT s.id, s.started, s.tree_id, s.status, a.qid, a.kind, a.label, a.unit, a.value "
                 "FROM answers a JOIN sessions s ON s.id = a.session_id "
                 f"WHERE (a.kind IN ({marks}) OR a.kind IS NULL){recent} ORDER BY s.started, s.rowid, a.position")
        rows = []
        for row in self.conn.execute(query, (*kinds, last) if last else kinds):
            try:
                rows.append(AnswerRow(*row[:8], read_json(row[8])))  # type: ignore[call-arg]  # 8 + 1 columns
            except (TypeError, ValueError):
                continue  # a damaged value is left out of the charts rather than breaking them
        return rows

    # --- writing -------------------------------------------------------------------------------------------

    def save(self, session_id: str, session: Session) -> None:
        """Write the whole state of `session` under `session_id` in one committed transaction."""
        try:
            self._save(session_id, session)
        except sqlite3.Error as exc:
            raise StoreError(f"your last answer could not be saved to {self.path}: {exc}") from None

    def _save(self, session_id: str, session: Session) -> None:
        now, state = self.now(), json.dumps(session.to_dict(), allow_nan=False)
        urgency, findings = _summary(session)
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO sessions (id, tree_id, started, updated, status, state, urgency, findings, finished) "
                "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?4 = 'in_progress' THEN NULL ELSE ?3 END) "
                "ON CONFLICT(id) DO UPDATE SET tree_id = ?2, updated = ?3, status = ?4, state = ?5, urgency = ?6, "
                "findings = ?7, finished = CASE WHEN ?4 = 'in_progress' THEN NULL ELSE coalesce(finished, ?3) END",
                (session_id, session.tree_id, now, session.status, state, urgency, json.dumps(findings)))
            self.conn.execute("DELETE FROM answers WHERE session_id = ?", (session_id,))
            self.conn.executemany(
                "INSERT INTO answers (session_id, position, qid, kind, label, unit, value) VALUES (?,?,?,?,?,?,?)",
                [(session_id, *row) for row in _answer_rows(session)])

    def new_id(self) -> str:
        """Readable, sortable and unused: `20261127-091512-3fa2c1` (an upsert must never hit another walk)."""
        while True:
            candidate = f"{self.clock().astimezone(UTC):%Y%m%d-%H%M%S}-{os.urandom(3).hex()}"
            if not self.conn.execute("SELECT 1 FROM sessions WHERE id = ?", (candidate,)).fetchone():
                return candidate

    def short_ids(self) -> dict[str, str]:
        """Full id -> the shortest tail of it (at least its 6 random letters) that no other walk ends with:
        what `hip-wizard history` shows and what `export ID` and `history --delete ID` accept."""
        ids = [row[0] for row in self.conn.execute("SELECT id FROM sessions")]
        return {i: _shortest_tail(i, ids) for i in ids}

    def resolve_id(self, ref: str) -> str:
        """A full id, or the end of exactly one (the short id `history` lists) -> the full id; else a plain error."""
        ids = [row[0] for row in self.conn.execute("SELECT id FROM sessions")]
        if ref in ids:
            return ref
        matches = [i for i in ids if ref and i.endswith(ref)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise StateError(f"'{ref}' matches {len(matches)} saved sessions; type more of the id "
                             "(see `hip-wizard history`)")
        raise StateError(f"there is no saved session '{ref}' (see `hip-wizard history`)")

    def delete(self, session_id: str) -> None:
        """Remove one walk and its answers for good (secure_delete overwrites the freed pages)."""
        self.session(session_id)
        with transaction(self.conn):
            self.conn.execute("DELETE FROM answers WHERE session_id = ?", (session_id,))
            self.conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        self._flush_wal()
        self.locks.forget(session_id)

    def wipe(self) -> None:
        """Remove every walk."""
        with transaction(self.conn):
            self.conn.execute("DELETE FROM answers")
            self.conn.execute("DELETE FROM sessions")
        self._flush_wal()

    def _flush_wal(self) -> None:
        """Fold the log into the database so deleted answers do not linger in the -wal file."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


SHORT_ID_LENGTH = 6


def _shortest_tail(session_id: str, ids: list[str]) -> str:
    for length in range(SHORT_ID_LENGTH, len(session_id)):
        tail = session_id[-length:]
        if sum(1 for other in ids if other.endswith(tail)) == 1:
            return tail.lstrip("-")
    return session_id


def _json_list(text: str | None) -> list:
    try:
        value = read_json(text or "[]")
    except (TypeError, ValueError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _summary(session: Session) -> tuple[str | None, list[str]]:
    if not session.finished:
        return None, []
    result = session.result()
    return result.urgency, [f.finding.id for f in result.findings]


def _answer_rows(session: Session) -> list[tuple]:
    """(position, qid, kind, label, unit, value-json) for each answer on the current path."""
    answers = session.path_answers
    return [(i, node.qid, node.kind, node.label, node.unit if isinstance(node, Measure) else None,
             json.dumps(answers[node.qid])) for i, node in enumerate(session.steps)]


class StoreJournal:
    """`wizard.history.journal.Journal` backed by the store: each call has committed to disk before it returns."""

    keeps_history = True

    def __init__(self, store: Store, resume_id: str | None = None):
        self.store, self._resume_id = store, resume_id
        self._ids: WeakKeyDictionary[Session, str] = WeakKeyDictionary()

    def begin(self, session: Session) -> str:
        session_id = self._resume_id or self.store.new_id()
        self.store.claim(session_id)  # before the first save: a walk open here is not another's to take
        self._resume_id = None
        self._ids[session] = session_id
        self.store.save(session_id, session)
        return session_id

    def resume(self, session_id: str, session: Session) -> str:
        """Keep writing a resumed walk under its old id (the TUI calls this instead of `begin`)."""
        self._resume_id = session_id
        return self.begin(session)

    def id_of(self, session: Session) -> str | None:
        return self._ids.get(session)

    def record(self, session: Session) -> None:
        session_id = self._ids.get(session)
        if session_id is None:
            self.begin(session)
        else:
            self.store.save(session_id, session)

    def finish(self, session: Session) -> None:
        self.record(session)
