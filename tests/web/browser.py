"""A page of `hip-wizard serve` in headless Chromium, read as a screen of text.

xterm.js draws the terminal on a canvas, so the page has no text to query. What the browser draws is
exactly the bytes it receives on the app's websocket, so each received frame is fed to a pyte terminal of
the size the page asked for; `text()` is then the screen the person sees. Keys go in through the real page.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import parse_qs, urlparse

import pyte


class PageScreen:
    """One browser page connected to the server, with the screen it shows."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None
        page.on("websocket", self._watch)
        page.goto(url)
        page.wait_for_selector(".xterm-helper-textarea", state="attached")
        page.focus(".xterm-helper-textarea")  # focus, not click: a click would answer whatever it lands on

    def _watch(self, socket) -> None:
        query = parse_qs(urlparse(socket.url).query)
        self.screen = pyte.Screen(int(query["width"][0]), int(query["height"][0]))
        self.stream = pyte.ByteStream(self.screen)
        socket.on("framereceived", self._received)
        socket.on("framesent", self._sent)

    def _received(self, frame) -> None:
        if isinstance(frame, bytes):
            self.stream.feed(frame)

    def _sent(self, frame) -> None:
        """A resize the page sends changes the size the app draws for; the screen follows it."""
        if isinstance(frame, str) and frame.startswith('["resize"'):
            size = json.loads(frame)[1]
            self.screen.resize(size["height"], size["width"])

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display) if self.screen else ""

    def background_at(self, words: str) -> str:
        """The background colour (hex) behind the first letter of `words` on screen."""
        for row, line in enumerate(self.screen.display):
            if words in line:
                return self.screen.buffer[row][line.index(words)].bg
        raise AssertionError(f"{words!r} is not on screen:\n{self.text()}")

    def wait_for(self, words: str, limit: float = 20.0) -> str:
        """Wait until `words` are on screen (joined across line wraps); fail showing the screen."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if words in self.flat():
                return self.text()
            self.page.wait_for_timeout(50)
        raise AssertionError(f"{words!r} never appeared in the browser; the screen shows:\n{self.text()}")

    def choose(self, label: str) -> None:
        """Press the number shown beside `label` in the list on screen (menus change with history; a label
        may be followed by more, such as the time a check takes)."""
        for line in self.text().splitlines():
            words = line.replace("\u258a", " ").split(None, 1)
            if len(words) == 2 and words[0].isdigit() and words[1].strip().startswith(label):
                self.press(words[0])
                return
        raise AssertionError(f"no numbered choice {label!r} on screen:\n{self.text()}")

    def flat(self) -> str:
        """The screen as one line of words, so checks do not depend on where lines wrap."""
        return " ".join(self.text().split())

    def step_number(self) -> int | None:
        match = re.search(r"\bStep (\d+)\b", self.flat())
        return int(match.group(1)) if match else None

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
