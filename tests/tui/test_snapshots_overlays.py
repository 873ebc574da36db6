"""Snapshot tests of the screens that bring their own styles (help, the confirm dialog, author problems):
their look must not change with where their CSS lives. Regenerate with `--snapshot-update` after a
deliberate change and review the SVG diff."""

from __future__ import annotations

import pytest

from wizard.errors import Problem
from wizard.tui.app import WizardApp
from wizard.tui.screens.confirm import ConfirmScreen
from wizard.tui.screens.help import HelpScreen
from wizard.tui.screens.problems import ProblemsScreen

from .conftest import wait_for

pytest.importorskip("pytest_textual_snapshot")


def press_until(keys: tuple, screen_type, after_first_answer: bool = False):
    """A run_before: (answer the first step,) press `keys`, wait for `screen_type` (never a fixed pause)."""
    async def run_before(pilot):
        app = pilot.app
        if after_first_answer:
            await wait_for(pilot, lambda: app.session is not None and app.session.current is not None, "a step")
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.session.answers, "the first answer")
        await pilot.press(*keys)
        await wait_for(pilot, lambda: isinstance(app.screen, screen_type) and app.screen.is_mounted, "the overlay")
        await pilot.pause()
    return run_before


def test_help_over_the_start_screen(snap_compare, library):
    assert snap_compare(WizardApp(library), run_before=press_until(("f1",), HelpScreen))


def test_quit_dialog_mid_walk_without_history(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=press_until(("ctrl+q",), ConfirmScreen, after_first_answer=True))


def test_author_problems_screen(snap_compare, library):
    problems = [Problem("trees/mine.yaml", 12, 5, "unknown node 'mine/nowhere'", node="mine/start"),
                Problem("trees/mine.yaml", 30, 1, "a red flag question has no urgent outcome")]
    app = WizardApp(library, problems=problems)
    assert snap_compare(app, run_before=press_until((), ProblemsScreen))
