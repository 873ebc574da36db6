"""Shared fixtures and helpers for the TUI tests: the example library, small trees written to tmp_path,
waiting for a condition (never a fixed sleep), the messages an app posted, and the walk to the stance test.
Test modules import helpers from here, never from each other."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from wizard.content.loader import load

WAIT_LIMIT = 10.0




EXAMPLES = Path(__file__).resolve().parents[2] / "trees" / "examples"


@pytest.fixture(scope="session")
def library():
    """The example trees only (`example` walks every node kind), so these tests do not depend on the
    clinical trees; tests of the bundled trees load those separately."""
    return load([EXAMPLES], bundled=False)


async def wait_for(pilot, condition, what: str = "condition", limit: float = WAIT_LIMIT):
    """Let the app run until `condition()` is true; fail with `what` after `limit` seconds."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.01)


def screen_text(app) -> str:
    """The text of every Static and option on the current screen (what a person reads), for assertions."""
    from textual.widgets import OptionList, Static
    parts = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Static):
            parts.append(str(widget.render()))
        elif isinstance(widget, OptionList):
            parts += [str(option.prompt) for option in widget.options]
    return "\n".join(parts)


class Notes:
    """Collects what the app told the person through notifications."""

    def __init__(self, app):
        self.seen: list[str] = []
        original = app.notify

        def notify(message, *args, **kwargs):
            self.seen.append(str(message))
            return original(message, *args, **kwargs)

        app.notify = notify

    def __contains__(self, text: str) -> bool:
        return any(text in note for note in self.seen)


ENTRY_TREE = """\
id: tiny-check
title: Tiny check
version: "1.0.0"
description: A two-question entry tree for the TUI tests.
role: entry
start: screen
nodes:
  screen:
    kind: handover
    tree: example-screen
    next: sore
  sore:
    kind: question
    style: yes_no
    title: Sore today
    text: Is your hip sore today?
    why: It decides which advice fits.
    if_yes: sore-out
    if_no: fine-out
  sore-out:
    kind: outcome
    title: Sore
    text: Gentle movement helps.
    referral: {urgency: self_care, reason: Usually settles.}
  fine-out:
    kind: outcome
    title: Fine
    text: Keep moving.
    referral: {urgency: self_care, reason: Nothing to act on.}
"""


@pytest.fixture
def entry_trees(tmp_path) -> Path:
    """A folder with one small entry tree (it reuses the bundled example screen)."""
    folder = tmp_path / "trees"
    shutil.copytree(EXAMPLES, folder)
    (folder / "tiny.yaml").write_text(ENTRY_TREE, encoding="utf-8")
    return folder


class Posted:
    """Every message the app posts, for `app.run_test(message_hook=posted)`: tests assert on what the app
    was asked to do (such as exit) instead of reading Textual's private state."""

    def __init__(self):
        self.messages = []

    def __call__(self, message) -> None:
        self.messages.append(message)

    def exit_requested(self) -> bool:
        from textual.messages import ExitApp
        return any(isinstance(m, ExitApp) for m in self.messages)


def on(app, what, qid=None):
    """A condition: the app shows `what`, a screen class (ResultScreen...) or a node kind (Question, SelfTest,
    Measure, Info) asked on the walk screen, its answer widget mounted and focused; for node `qid` if given. The
    walk screen is one screen updated in place, so "which step" is its node, not its class."""
    from textual.screen import Screen
    from wizard.tui.screens.walk import WalkScreen

    def showing() -> bool:
        screen = app.screen
        if not screen.is_mounted:
            return False
        if issubclass(what, Screen):
            shown = isinstance(screen, what)
        else:
            shown = (isinstance(screen, WalkScreen) and isinstance(screen.node, what) and screen.answer_widget.is_mounted
                     and (app.focused is screen.answer_widget or screen.too_small))  # keys now reach the answers
        return shown and (qid is None or screen.node.qid == qid)
    return showing


async def walk_to_stance(app, pilot):
    """From the start of the example walk to its stance self-test: welcome, fever no, where outside."""
    from wizard.content.model import Info, Question, SelfTest
    await wait_for(pilot, on(app, Info, "example/welcome"), "the welcome step")
    await pilot.press("enter")
    await wait_for(pilot, on(app, Question, "example-screen/fever"), "the fever question")
    await pilot.press("n")
    await wait_for(pilot, on(app, Question, "example/where"), "the where question")
    await pilot.press("1")
    await wait_for(pilot, on(app, SelfTest, "example/stance"), "the stance test")
