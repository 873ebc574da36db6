"""`hip-wizard serve` before any browser: where it may listen, and what it costs the other commands."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from wizard.cli import main
from wizard.serve.address import is_local, url_for

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('textual_serve', 'aiohttp'))))
"""


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_hosts_count_as_local(host):
    assert is_local(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org", ""])
def test_other_hosts_do_not(host):
    assert not is_local(host)


def test_addresses_print_so_a_browser_can_open_them():
    assert url_for("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert url_for("::1", 8001) == "http://[::1]:8001"
    assert url_for("0.0.0.0", 9000) == "http://127.0.0.1:9000"


def test_a_reachable_host_is_refused_without_public(capsys):
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 1
    error = capsys.readouterr().err
    assert "refusing to serve on '0.0.0.0'" in error and "--public" in error


def test_a_port_out_of_range_is_a_clear_error(capsys):
    assert main(["serve", "--port", "70000"]) == 1
    assert "between 1 and 65535" in capsys.readouterr().err


def test_a_port_in_use_is_a_clear_error_not_a_traceback(capsys):
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    error = capsys.readouterr().err
    assert f"cannot serve on 127.0.0.1:{port}" in error and "Traceback" not in error


def test_public_warns_that_everyones_walks_are_kept_under_this_account(capsys):
    pytest.importorskip("textual_serve", reason="textual-serve is not installed")
    with socket.socket() as taken:  # the port is taken, so the server stops right after the warning
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--host", "0.0.0.0", "--public", "--port", str(port)]) == 1
    error = capsys.readouterr().err
    assert "everyone's walks are stored" in error and f"http://127.0.0.1:{port}" in error


@pytest.mark.parametrize("name", ["wizard.cli", "wizard.tui.app", "wizard.serve.command"])
def test_the_web_server_is_loaded_only_when_serving(name):
    done = subprocess.run([sys.executable, "-c", PROBE, name], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [], f"{name} loaded the web server"


def test_the_served_app_is_full_screen_though_its_streams_are_pipes():
    """textual-serve runs `hip-wizard run` on pipes with its web driver named in TEXTUAL_DRIVER: the app
    must not fall back to line prompts there (in a plain pipe it still does)."""
    from io import StringIO
    from wizard.cli import full_screen_refusal
    served = {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "TERM": "xterm-256color"}
    assert full_screen_refusal(StringIO(), StringIO(), served) is None
    assert full_screen_refusal(StringIO(), StringIO(), {"TERM": "xterm-256color"}) == "the input is not a terminal"
