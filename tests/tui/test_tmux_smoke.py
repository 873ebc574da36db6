"""Smoke test: the installed `hip-wizard` in a real terminal (tmux), driven with send-keys, read with
capture-pane. Waits by polling the pane, never by sleeping a fixed time. Skipped when tmux is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid

import pytest

pytestmark = pytest.mark.tmux

TMUX = shutil.which("tmux")
PROGRAM = shutil.which("hip-wizard")


@pytest.fixture
def terminal(tmp_path):
    if not TMUX or not PROGRAM:
        pytest.skip("needs tmux and the installed hip-wizard on PATH")
    socket = f"hip-wizard-test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "HIP_WIZARD_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color",
           "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([TMUX, "-L", socket, "new-session", "-d", "-x", "100", "-y", "30", "-s", "smoke",
                    f"{PROGRAM} run example"], check=True, env=env)
    terminal = Terminal(socket)
    terminal.env = env
    yield terminal
    subprocess.run([TMUX, "-L", socket, "kill-server"], check=False)


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "smoke")

    def wait_for(self, words: str, limit: float = 20.0) -> str:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            text = self.screen()
            if words in text:
                return text
            time.sleep(0.05)
        raise AssertionError(f"{words!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "smoke", *keys)


def test_installed_program_walks_a_few_questions_in_a_real_terminal(terminal):
    terminal.wait_for("This short example shows each kind of step")
    terminal.keys("Enter")
    terminal.wait_for("Do you have a fever or shivers")
    terminal.keys("n")
    terminal.wait_for("Where do you feel the pain most?")
    terminal.keys("2")
    terminal.wait_for("Which of these make the pain worse?")
    terminal.keys("3", "d")
    screen = terminal.wait_for("How bad is the pain today")
    assert "Step 5" in screen
    terminal.keys("1", "2", "Enter")
    terminal.wait_for("That does not fit")
    terminal.keys("BSpace", "BSpace", "2", "Enter")
    screen = terminal.wait_for("Self-care")
    assert "not a doctor" in screen
    terminal.keys("C-q")
    deadline = time.monotonic() + 10
    while "smoke" in terminal.tmux("list-sessions") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "smoke" not in terminal.tmux("list-sessions")

    history = subprocess.run([PROGRAM, "history"], env=terminal.env, capture_output=True, text=True, timeout=60)
    assert history.returncode == 0 and "Example walk" in history.stdout and "self_care" in history.stdout.replace("self-care", "self_care")
