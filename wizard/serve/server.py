"""The textual-serve server, adapted: our own page (title, phone viewport, no outside fonts or favicon),
addresses taken from each request (so `--public` works behind any name), and quiet start-up output.

Each browser tab gets its own `hip-wizard run` process, started with the same trees and data folder as
the server, so the browser runs the very same app, screens, keys and history as the terminal.
"""

from __future__ import annotations

import logging
import shlex
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

TEMPLATES = Path(__file__).with_name("templates")
STATICS = Path(textual_serve.__file__).with_name("static")
PAGE_TITLE = "hip-wizard: hip pain check"


def app_command(trees: list[Path], data_dir: Path | None) -> str:
    """The shell command each browser session runs: this Python, this package, the same options."""
    argv = [sys.executable, "-m", "wizard"]
    for folder in trees:
        argv += ["--trees", str(Path(folder).resolve())]
    if data_dir is not None:
        argv += ["--data-dir", str(Path(data_dir).resolve())]
    return shlex.join([*argv, "run"])


class WizardServer(Server):
    """textual-serve's Server with hip-wizard's page and messages."""

    def __init__(self, command: str, host: str, port: int, url: str, on_ready=None) -> None:
        super().__init__(command, host=host, port=port, title=PAGE_TITLE,
                         statics_path=STATICS, templates_path=TEMPLATES)
        self.url, self.on_ready = url, on_ready

    def initialize_logging(self) -> None:
        """Only problems reach the terminal: one line per page request would bury the address."""
        logging.basicConfig(level=logging.WARNING, format="hip-wizard serve: %(message)s")

    def serve(self, debug: bool = False) -> None:
        """Run until Ctrl+C or SIGTERM; the address is printed only once the port is really bound."""
        self.debug = debug
        self.initialize_logging()
        web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=True,
                    print=self._announce)

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its logo here, before the port is bound; we announce later instead."""

    def _announce(self, _aiohttp_banner: str) -> None:
        print(f"hip-wizard is being served at {self.url}\nOpen that address in a browser; "
              "press Ctrl+C here to stop.", flush=True)
        if self.on_ready is not None:
            self.on_ready(self.url)

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page, with the socket and static addresses built from the address the browser used."""
        scheme = "wss" if request.scheme == "https" else "ws"
        context: dict[str, Any] = {
            "title": self.title,
            "font_size": _font_size(request.query.get("fontsize", "16")),
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "static_url": f"{request.scheme}://{request.host}/static/",
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)


def _font_size(value: str) -> int:
    """`?fontsize=N` from the address, kept to sizes that stay readable; anything else means 16."""
    return int(value) if value.isdigit() and 8 <= int(value) <= 40 else 16
