"""`hip-wizard serve` in a real headless browser: the same app, walks and history as in the terminal.

The walks answer by rule (tests/web/walker.py), so the test follows the bundled trees as they are revised;
what it checks is what a person sees: the first question, the emergency screen, a result, the history.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.browser import PageScreen
from tests.web.walker import walk_until
from wizard.content import loader
from wizard.content.model import Question
from wizard.walk.engine import Session

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1100, "height": 760}
EMERGENCY = "EMERGENCY - ACT NOW"


def first_question(entry_title: str) -> str:
    """The text of the first question of the menu entry with this title (after any info steps)."""
    library = loader.collect([]).library
    session = Session(library, next(t.id for t in library.entries() if t.title == entry_title))
    while not isinstance(session.current, Question):
        session.answer(True)
    return session.current.text


def test_a_phone_walk_reaches_the_emergency_screen_and_a_retest_is_kept_in_history(site):
    context, url, data, env = site
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    phone = context.new_page()
    phone.set_viewport_size(PHONE)
    screen = PageScreen(phone, url)
    assert phone.title() == "hip-wizard: hip pain check"
    screen.wait_for("Full hip check")
    assert screen.screen.columns < 50, "a phone-width page should get the narrow layout"
    screen.choose("Full hip check")
    walk_until(screen, first_question("Full hip check"), warning=True)  # past the info steps, if any
    walk_until(screen, EMERGENCY, warning=True)
    assert "The check has stopped here" in screen.flat()
    assert _is_red(screen.background_at(EMERGENCY)), "the emergency headline must stand out in red"
    phone.close()

    page = context.new_page()
    page.set_viewport_size(DESKTOP)
    screen = PageScreen(page, url)
    screen.wait_for("Quick re-test")
    screen.choose("Quick re-test")
    steps = walk_until(screen, "Since your last full check", warning=False)
    assert steps > 5 and EMERGENCY not in screen.flat()
    screen.press("e")
    screen.wait_for("Save the summary as:")
    with page.expect_download() as download:  # the export reaches the browser, not just the server's disk
        screen.press("1")  # Markdown
    saved = download.value
    assert saved.suggested_filename.endswith(".md")
    assert "Quick re-test" in Path(saved.path()).read_text(encoding="utf-8")
    page.close()

    assert all(address.startswith(url) or address.startswith(url.replace("http", "ws")) for address in requested), \
        "the page must load nothing from elsewhere (fonts, scripts): " + ", ".join(requested)
    assert not any("favicon" in address for address in requested)

    history = subprocess.run([sys.executable, "-m", "wizard", "history", "--data-dir", str(data)],
                             capture_output=True, text=True, env=env, timeout=30)
    assert history.returncode == 0, history.stderr
    assert "Quick re-test" in history.stdout and "Full hip check" in history.stdout, history.stdout


def _is_red(colour: str) -> bool:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return red > 150 and red > green + 60 and red > blue + 60
