"""Atomic private writes: a complete new file or the old one untouched, never a half-written file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from wizard import fileio
from wizard.fileio import WriteError, write_private


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _fail_with(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return fail


def test_writes_text_as_utf8_readable_only_by_the_owner(tmp_path):
    path = write_private(tmp_path / "s.md", "hip 🦴 NUL\x00")
    assert path.read_bytes() == "hip 🦴 NUL\x00".encode()
    assert _mode(path) == 0o600


def test_replaces_an_existing_file_and_makes_it_private(tmp_path):
    path = tmp_path / "s.md"
    path.write_text("old")
    path.chmod(0o644)
    write_private(path, "new")
    assert path.read_text() == "new" and _mode(path) == 0o600
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_disk_full_keeps_the_old_file_and_says_why(tmp_path, monkeypatch, call):
    path = tmp_path / "s.md"
    path.write_text("old summary")
    monkeypatch.setattr(fileio.os, call, _fail_with(errno.ENOSPC))
    with pytest.raises(WriteError) as caught:
        write_private(path, "new summary " * 1000)
    assert path.read_text() == "old summary"
    assert _leftovers(tmp_path) == []
    assert "the disk is full" in str(caught.value) and "the old file is unchanged" in str(caught.value)
    assert str(path) in str(caught.value)


def test_failed_rename_removes_the_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "s.md"
    path.write_text("old")
    monkeypatch.setattr(fileio.os, "replace", _fail_with(errno.EIO))
    with pytest.raises(WriteError, match="input/output error"):
        write_private(path, "new")
    assert path.read_text() == "old" and _leftovers(tmp_path) == []


def test_short_writes_are_completed(tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(fileio.os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    path = write_private(tmp_path / "s.md", "a fairly long summary text")
    assert path.read_text() == "a fairly long summary text"


def test_read_only_file_system_is_reported(tmp_path, monkeypatch):
    """Simulated, because the test may run as root, whom a chmod does not stop."""
    monkeypatch.setattr(fileio.tempfile, "mkstemp", _fail_with(errno.EROFS))
    with pytest.raises(WriteError, match="read-only file system; nothing was written"):
        write_private(tmp_path / "s.md", "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_read_only_folder_keeps_the_old_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "s.md").write_text("old")
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="permission denied"):
            write_private(folder / "s.md", "new")
        assert (folder / "s.md").read_text() == "old" and _leftovers(folder) == []
    finally:
        folder.chmod(0o700)


def test_missing_folder_is_reported(tmp_path):
    with pytest.raises(WriteError, match="the folder does not exist; nothing was written"):
        write_private(tmp_path / "nowhere" / "s.md", "x")


def test_target_that_is_a_folder_is_reported(tmp_path):
    (tmp_path / "s.md").mkdir()
    with pytest.raises(WriteError, match="cannot write"):
        write_private(tmp_path / "s.md", "x")
    assert _leftovers(tmp_path) == []


def test_text_that_cannot_be_utf8_gets_a_clear_error(tmp_path):
    with pytest.raises(WriteError, match="cannot be saved as UTF-8"):
        write_private(tmp_path / "s.md", "lone \ud800 surrogate")
    assert list(tmp_path.iterdir()) == []
