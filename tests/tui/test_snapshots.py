"""Snapshot tests of the main screens (pytest-textual-snapshot). After a deliberate change to how a screen
looks, regenerate with `pytest tests/tui/test_snapshots.py --snapshot-update` and review the SVG diff."""

from __future__ import annotations

from datetime import datetime, UTC

import pytest
from textual.widgets import Input

from wizard.content.loader import load
from wizard.tui.app import WizardApp
from wizard.tui.screens.emergency import EmergencyScreen
from wizard.tui.screens.info import InfoScreen
from wizard.tui.screens.measure import MeasureScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.self_test import SelfTestScreen
from wizard.tui.screens.start import StartScreen

from .conftest import wait_for

pytest.importorskip("pytest_textual_snapshot")


def showing(app, screen_type, qid=None):
    return lambda: (isinstance(app.screen, screen_type) and app.screen.is_mounted
                    and (qid is None or app.screen.node.qid == qid))


def walk(*steps):
    """A run_before that presses keys and waits for each expected screen (never a fixed pause)."""
    async def run_before(pilot):
        app = pilot.app
        for keys, screen_type, qid in steps:
            if keys:
                await pilot.press(*keys)
            await wait_for(pilot, showing(app, screen_type, qid), screen_type.__name__)
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()
    return run_before


TO_STANCE = [((), InfoScreen, None), (("enter",), QuestionScreen, "example-screen/fever"),
             (("n",), QuestionScreen, "example/where"), (("1",), SelfTestScreen, "example/stance")]


def test_start_screen(snap_compare, entry_trees):
    app = WizardApp(load([entry_trees], bundled=False))
    assert snap_compare(app, run_before=walk(((), StartScreen, None)))


def test_question_screen(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE[:3]))


def test_self_test_screen_with_why_panel(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE, (("question_mark",), SelfTestScreen, None)),
                        terminal_size=(100, 40))


def test_measure_screen_with_a_bad_value(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE, (("4",), MeasureScreen, None),
                                             (("1", "2"), MeasureScreen, None)))


def test_result_screen(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    app.now = lambda: datetime(2026, 11, 27, 10, 30, tzinfo=UTC)  # the plan's dates are fixed
    assert snap_compare(app, run_before=walk(*TO_STANCE, (("1",), ResultScreen, None)), terminal_size=(100, 40))


def test_emergency_screen(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE[:2], (("y",), EmergencyScreen, None)))


def test_review_screen(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE, (("r",), ReviewScreen, None)))


def test_multi_choice_screen_with_a_tick(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE[:3], (("2",), QuestionScreen, "example/activities"),
                                             (("2",), QuestionScreen, "example/activities")))
