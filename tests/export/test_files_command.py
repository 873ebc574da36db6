"""Exports land where a person can find them, and `hip-wizard export` works from the saved history."""

from __future__ import annotations

import json
import stat
from argparse import Namespace
from pathlib import Path

import pytest

from wizard.cli import main
from wizard.errors import StateError
from wizard.report.command import export_command
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


class FakeStore:
    """The history store's reading interface, holding sessions in memory."""

    def __init__(self, saved: dict):
        self.saved, self.closed = saved, False

    def latest_id(self):
        return next(reversed(self.saved), None)

    def resolve_id(self, ref):
        matches = [i for i in self.saved if i.endswith(ref)]
        return matches[0] if len(matches) == 1 else ref

    def load(self, session_id):
        if session_id not in self.saved:
            raise StateError(f"there is no saved session '{session_id}'")
        return self.saved[session_id]

    def close(self):
        self.closed = True


def _args(**given) -> Namespace:
    return Namespace(**{"session": None, "format": "md", "output": None, "trees": [], "data_dir": None, **given})


@pytest.fixture
def store(library):
    return FakeStore({name: session_for(library, name).to_dict() for name in ("emergency", "finished")})


@pytest.fixture(autouse=True)
def examples_only(monkeypatch, library):
    """The command loads trees itself; give it only the example trees, as every test here uses."""
    monkeypatch.setattr("wizard.report.command.loader.load", lambda paths: library)


def test_command_prints_the_latest_session(store, capsys):
    assert export_command(_args(format="json"), open_store=lambda d: store) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "finished"
    assert store.closed


def test_command_picks_a_session_by_id_and_writes_a_file(store, tmp_path, capsys):
    out = tmp_path / "e.html"
    assert export_command(_args(session="emergency", format="html", output=out), open_store=lambda d: store) == 0
    assert "Emergency" in out.read_text()
    assert str(out) in capsys.readouterr().err


def test_command_with_no_sessions_says_so(library):
    with pytest.raises(StateError, match="no saved sessions yet"):
        export_command(_args(), open_store=lambda d: FakeStore({}))


def test_command_notes_answers_dropped_since_saving(store, capsys, library):
    store.saved["finished"]["answers"]["example/where"] = "knee"
    export_command(_args(), open_store=lambda d: store)
    out = capsys.readouterr().out
    assert "## Notes" in out and "Where it hurts" in out and "Unfinished" in out


def _saved_history(library, folder: Path) -> Path:
    from wizard.history.store import Store
    with Store.open(folder) as history:
        journal = history.journal()
        session = session_for(library, "finished")
        journal.begin(session)
        journal.finish(session)
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
