"""Exports land where a person can find them, and `hip-wizard export` works from the saved history."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from wizard.cli import main
from wizard.errors import StateError
from wizard.commands.export import export_command
from wizard.history.store import Store
from wizard.report.files import export_session
from wizard.fileio import WriteError

from .conftest import WHEN, session_for


def test_export_session_writes_a_private_dated_file(library, tmp_path):
    path = export_session(session_for(library, "finished"), "md", tmp_path / "out", when=WHEN)
    assert path == tmp_path / "out" / "hip-check-example-2026-11-27-103000.md"
    assert path.read_text().startswith("# Hip check summary")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_second_export_never_overwrites_the_first(library, tmp_path):
    first = export_session(session_for(library, "finished"), "html", tmp_path, when=WHEN)
    second = export_session(session_for(library, "emergency"), "html", tmp_path, when=WHEN)
    assert first != second and second.name == "hip-check-example-2026-11-27-103000-2.html"
    assert "Emergency" in second.read_text() and "Emergency" not in first.read_text()


def test_default_folder_is_documents_hip_wizard(library, tmp_path, monkeypatch):
    import platformdirs
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    path = export_session(session_for(library, "finished"), "fhir", when=WHEN)
    assert path.parent == tmp_path / "Documents" / "hip-wizard"
    assert path.name.endswith(".fhir.json")


def test_folder_that_cannot_be_made_is_reported(library, tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(WriteError, match="cannot create the folder"):
        export_session(session_for(library, "finished"), "md", tmp_path / "file" / "sub")


def _export(data_dir: Path, session: str | None = None, fmt: str = "md", output: Path | None = None) -> int:
    return export_command([], data_dir, session, fmt, output)


def _save(library, folder: Path, *walks: str) -> dict[str, str]:
    """Save the named example walks in a real history store, oldest first; walk name -> session id."""
    ids = {}
    with Store.open(folder) as history:
        for walk in walks:
            journal = history.journal()
            session = session_for(library, walk)
            ids[walk] = journal.begin(session)
            journal.finish(session)
    return ids


@pytest.fixture(autouse=True)
def examples_only(monkeypatch, library):
    """The command loads trees itself; give it only the example trees, as every test here uses."""
    monkeypatch.setattr("wizard.commands.export.loader.load", lambda paths: library)


def test_command_prints_the_latest_session(library, tmp_path, capsys):
    _save(library, tmp_path, "emergency", "finished")
    assert _export(tmp_path, fmt="json") == 0
    assert json.loads(capsys.readouterr().out)["status"] == "finished"


def test_command_picks_a_session_by_id_and_writes_a_file(library, tmp_path, capsys):
    ids = _save(library, tmp_path, "emergency", "finished")
    out = tmp_path / "e.html"
    assert _export(tmp_path, session=ids["emergency"], fmt="html", output=out) == 0
    assert "Emergency" in out.read_text()
    assert str(out) in capsys.readouterr().err


def test_command_with_no_sessions_says_so(tmp_path):
    with pytest.raises(StateError, match="no saved sessions yet"):
        _export(tmp_path)


def test_command_notes_answers_dropped_since_saving(library, tmp_path, capsys):
    ids = _save(library, tmp_path, "finished")
    with Store.open(tmp_path) as history:  # as if the tree had lost the answer "knee" since saving
        saved = history.load(ids["finished"])
        saved["answers"]["example/where"] = "knee"
        with history.conn:
            history.conn.execute("UPDATE sessions SET state = ? WHERE id = ?", (json.dumps(saved), ids["finished"]))
    _export(tmp_path)
    out = capsys.readouterr().out
    assert "## Notes" in out and "Where it hurts" in out and "Unfinished" in out


def _saved_history(library, folder: Path) -> Path:
    _save(library, folder, "finished")
    return folder


def test_cli_export_from_the_real_history(library, tmp_path):
    data_dir = _saved_history(library, tmp_path / "data")
    out = tmp_path / "summary.json"
    assert main(["export", "--data-dir", str(data_dir), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["status"] == "finished" and data["tree"]["id"] == "example"


def test_cli_export_reports_an_unwritable_output(library, tmp_path, capsys):
    data_dir = _saved_history(library, tmp_path / "data")
    code = main(["export", "--data-dir", str(data_dir), "-o", str(tmp_path / "missing" / "s.md")])
    assert code == 1
    assert "the folder does not exist; nothing was written" in capsys.readouterr().err
