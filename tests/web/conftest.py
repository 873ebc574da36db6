"""A real `hip-wizard serve` on a free local port with its own data folder, and headless Chromium.

Playwright cannot download its own browser here, so it drives Debian's Chromium; without it (or without
Playwright) these tests are skipped with the reason shown."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Debian's Chromium ({CHROMIUM}) is not installed: apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install '.[test]')")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    """(address, data folder) of a running server; stopped with Ctrl+C (SIGINT) as a person would."""
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "HIP_WIZARD_CACHE_DIR": str(tmp_path / "cache")}
    server = subprocess.Popen([sys.executable, "-m", "wizard", "serve", "--port", str(free_port()),
                               "--data-dir", str(data)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        yield _address(server), data, env
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _address(server: subprocess.Popen) -> str:
    """The address the server printed once it was listening."""
    line = server.stdout.readline()
    if "served at" not in line:
        raise AssertionError(f"serve did not start: {line}{server.stderr.read() if server.poll() else ''}")
    return line.rsplit(" ", 1)[1].strip()


@pytest.fixture
def site(browser, served):
    """A fresh browser context on a running server, closed (sockets and all) before the server stops."""
    context = browser.new_context()
    try:
        yield (context, *served)
    finally:
        context.close()
