"""Without a terminal, or with TERM=dumb, `hip-wizard run` falls back to --plain and says so, instead of
hanging on keys that never come and writing escape codes into pipes (attack run F13, F14)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

import pytest

from wizard.cli import full_screen_refusal

COMMAND = [sys.executable, "-m", "wizard"]


@pytest.mark.parametrize("args", [["run", "example"], ["run"], []], ids=["run-tree", "run", "no-command"])
def test_no_terminal_on_stdin_or_stdout_falls_back_to_plain(args):
    proc = subprocess.run(COMMAND + args, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert proc.returncode in (0, 1)
    assert b"is not a terminal; using --plain" in proc.stderr
    assert b"\x1b" not in proc.stdout + proc.stderr, "no escape codes in files and pipes"


def _read_until(fd: int, needle: bytes, seconds: float = 30) -> bytes:
    seen, end = b"", time.monotonic() + seconds
    while needle not in seen and time.monotonic() < end:
        if select.select([fd], [], [], 0.5)[0]:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
    return seen


def test_term_dumb_on_a_real_terminal_falls_back_to_plain():
    main, child = pty.openpty()
    env = {**os.environ, "TERM": "dumb"}
    proc = subprocess.Popen(COMMAND + ["run", "example"], stdin=child, stdout=child, stderr=child, env=env)
    os.close(child)
    try:
        seen = _read_until(main, b"Press Enter")
        os.write(main, b"q\n")
        seen += _read_until(main, b"Stopped", 10)
        assert proc.wait(timeout=30) in (0, 1)
    finally:
        proc.kill()
        os.close(main)
    assert b"TERM=dumb" in seen and b"using --plain" in seen
    assert b"\x1b[" not in seen


class _Stream:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_a_terminal_on_both_ends_keeps_the_full_screen_app():
    assert full_screen_refusal(_Stream(True), _Stream(True), {"TERM": "xterm-256color"}) is None
    assert "output" in full_screen_refusal(_Stream(True), _Stream(False), {"TERM": "xterm"})
    assert full_screen_refusal(None, _Stream(True), {}) == "the input is not a terminal"


def test_run_options_work_without_the_word_run(tmp_path):
    """`hip-wizard --plain` was refused ("unrecognized arguments"): run is the default command, options too."""
    proc = subprocess.run(COMMAND + ["--plain", "--data-dir", str(tmp_path), "example"], input=b"\n",
                          capture_output=True, timeout=60)
    assert b"unrecognized arguments" not in proc.stderr
    assert b"This short example shows each kind of step" in proc.stdout
    version = subprocess.run(COMMAND + ["--version"], capture_output=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith(b"hip-wizard ")
