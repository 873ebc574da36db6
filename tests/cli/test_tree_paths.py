"""Odd things in a trees path (attack run F2, F3): a plain message for each, never a traceback, and `check`
never passes while something it was pointed at was skipped."""

from __future__ import annotations

import errno
import os

import pytest

COMMANDS = [("check",), ("check", "--json"), ("graph", "example"), ("run", "--plain"), ("play", "example", "--jsonl")]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_symlink_loop_named_directly_is_a_message(run_cli, tmp_path, command):
    loop = tmp_path / "self.yaml"
    loop.symlink_to(loop)
    code, out, err = run_cli(*command, "--trees", loop)
    assert code == 1 and "Traceback" not in err
    assert "loops back on itself" in out + err


def test_broken_entries_in_a_folder_fail_check_by_name(run_cli, tmp_path):
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "gone.yaml")
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    code, out, _ = run_cli("check", tmp_path)
    assert code == 1
    for name, why in [("dangling", "does not exist"), ("a", "loops"), ("b", "loops"), ("pipe", "not a regular file")]:
        line = next(line for line in out.splitlines() if f"{name}.yaml" in line)
        assert why in line and ": error" in line


def test_an_unreadable_folder_fails_check(run_cli, tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path="."):  # what chmod 000 does for anyone but root
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    code, out, _ = run_cli("check", locked)
    assert code == 1 and f"{locked}:1:1: error: cannot read this folder: Permission denied" in out
