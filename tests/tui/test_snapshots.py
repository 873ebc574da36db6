"""Snapshot tests of the main screens (pytest-textual-snapshot). After a deliberate change to how a screen
looks, regenerate with `pytest tests/tui/test_snapshots.py --snapshot-update` and review the SVG diff."""

from __future__ import annotations

from datetime import datetime, UTC

import pytest
from textual.widgets import Input

from wizard.content.model import Info, Measure, Question, SelfTest
from wizard.content.loader import load
from wizard.tui.app import WizardApp
from wizard.tui.screens.emergency import EmergencyScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.start import StartScreen

from .conftest import on, wait_for

pytest.importorskip("pytest_textual_snapshot")


def walk(*steps):
    """A run_before that presses keys and waits for each expected screen (never a fixed pause)."""
    async def run_before(pilot):
        app = pilot.app
        for keys, shown, qid in steps:
            if keys:
                await pilot.press(*keys)
            await wait_for(pilot, on(app, shown, qid), shown.__name__)
        for field in app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()
    return run_before


TO_STANCE = [((), Info, None), (("enter",), Question, "example-screen/fever"),
             (("n",), Question, "example/where"), (("1",), SelfTest, "example/stance")]


def test_start_screen(snap_compare, entry_trees):
    app = WizardApp(load([entry_trees], bundled=False))
    assert snap_compare(app, run_before=walk(((), StartScreen, None)))


def test_question_screen(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE[:3]))


def test_self_test_screen_with_why_panel(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE, (("question_mark",), SelfTest, None)),
                        terminal_size=(100, 40))


def test_measure_screen_with_a_bad_value(snap_compare, library):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE, (("4",), Measure, None),
                                             (("1", "2"), Measure, None)))


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
    assert snap_compare(app, run_before=walk(*TO_STANCE[:3], (("2",), Question, "example/activities"),
                                             (("2",), Question, "example/activities")))


# --- every main screen at 80x24 and 60x20 (issue 16): the question in sight, long text saying it scrolls ---

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]


@pytest.fixture(scope="module")
def bundled():
    return load([])


@pytest.mark.parametrize("size", SIZES)
def test_long_self_test_at(snap_compare, bundled, size):
    app = WizardApp(bundled, start_tree="side-tests")
    assert snap_compare(app, run_before=walk(((), SelfTest, "side-tests/trochanter")), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_start_screen_at(snap_compare, bundled, size):
    app = WizardApp(bundled)
    assert snap_compare(app, run_before=walk(((), StartScreen, None)), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_red_flag_question_at(snap_compare, bundled, size):
    app = WizardApp(bundled, start_tree="red-flags")
    assert snap_compare(app, run_before=walk(((), Question, "red-flags/about"),
                                             (("1",), Measure, "red-flags/age"),
                                             (("5", "0", "enter"), Question, "red-flags/hip-now")),
                        terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_result_screen_at(snap_compare, library, size):
    app = WizardApp(library, start_tree="example")
    assert snap_compare(app, run_before=walk(*TO_STANCE, (("1",), ResultScreen, None)), terminal_size=size)
