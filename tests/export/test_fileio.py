"""Atomic private writes: a complete new file or the old one untouched, never a half-written file."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
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


def test_a_symlink_or_pipe_is_never_replaced(tmp_path):
    """Attack run F11: renaming over /dev/null or /dev/stdout as root would swap a system file."""
    target = tmp_path / "target.md"
    target.write_text("kept")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    for path, kind in [(link, "a symbolic link"), (pipe, "a named pipe")]:
        with pytest.raises(WriteError, match=f"it is {kind}, not a regular file.*nothing was written"):
            write_private(path, "health data")
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(pipe).st_mode) and target.read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "pipe.md", "target.md"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_never_replaced(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a private copy of /dev/null
    with pytest.raises(WriteError, match="it is a device"):
        write_private(device, "health data")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_name_too_long_is_a_plain_message(tmp_path):
    """Attack run F12: the error path itself must not raise."""
    with pytest.raises(WriteError, match="the file name is too long; nothing was written"):
        write_private(tmp_path / ("a" * 300 + ".md"), "x")


def test_an_unsearchable_folder_is_a_plain_message(tmp_path, monkeypatch):
    """Attack run F12, as a non-root user meets it: every look into the folder is refused."""
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    monkeypatch.setattr(os, "lstat", refused)
    monkeypatch.setattr(os, "stat", refused)
    with pytest.raises(WriteError, match=r"permission denied .*; nothing was written"):
        write_private(tmp_path / "private" / "x.md", "x")
