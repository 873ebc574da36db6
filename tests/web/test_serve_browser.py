"""`hip-wizard serve` in a real headless browser: the same app, walks and history as in the terminal."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.web.browser import PageScreen

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1100, "height": 760}
SAFETY_NOS = 12  # the short safety screen's yes/no questions before the quick re-test's own


def answer(screen: PageScreen, question: str, *keys: str) -> None:
    screen.wait_for(question)
    screen.press(*keys)


def test_a_phone_walk_reaches_the_emergency_screen_and_a_retest_is_kept_in_history(browser, served):
    url, data, env = served
    phone = browser.new_page(viewport=PHONE)
    screen = PageScreen(phone, url)
    assert phone.title() == "hip-wizard: hip pain check"
    screen.wait_for("Full hip check")
    assert screen.screen.columns < 50, "a phone-width page should get the narrow layout"
    screen.choose("Full hip check")
    answer(screen, "Before you start", "Enter")
    answer(screen, "Who are you answering for?", "1")
    answer(screen, "How old are you?")
    screen.type("40")
    screen.press("Enter")
    answer(screen, "Since a fall or a knock", "1")
    screen.wait_for("EMERGENCY - ACT NOW")
    assert "Call emergency services now" in " ".join(screen.text().split())
    assert _is_red(screen.background_at("EMERGENCY - ACT NOW")), "the emergency headline must stand out in red"
    phone.close()

    page = browser.new_page(viewport=DESKTOP)
    screen = PageScreen(page, url)
    screen.wait_for("Quick re-test")
    screen.choose("Quick re-test")
    answer(screen, "Who are you answering for?", "1")
    for step in range(SAFETY_NOS):
        answer(screen, f"Step {step + 2} ", "2")
    answer(screen, "Which self-tests do you want to repeat?", "d")
    answer(screen, "Next come five numbers", "Enter")
    for measure in ("how bad has the hip pain been", "How normal is your walking", "LEFT leg", "RIGHT leg",
                    "How many times can you stand up"):
        screen.wait_for(measure)
        screen.type("3")
        screen.press("Enter")
    answer(screen, "Have you been doing your exercise plan", "1")
    answer(screen, "how is your hip overall?", "1")
    screen.wait_for("You are improving with your plan")
    page.close()

    history = subprocess.run([sys.executable, "-m", "wizard", "history", "--data-dir", str(data)],
                             capture_output=True, text=True, env=env, timeout=30)
    assert history.returncode == 0, history.stderr
    assert "Quick re-test" in history.stdout and "Full hip check" in history.stdout, history.stdout


def _is_red(colour: str) -> bool:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return red > 150 and red > green + 60 and red > blue + 60
