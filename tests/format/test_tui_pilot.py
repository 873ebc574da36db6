"""Pilot tests: the sore side asked once and used in a self-test's words; a checklist with two ticks."""

from __future__ import annotations

from wizard.content.loader import load
from wizard.tui.app import WizardApp
from wizard.tui.screens.emergency import EmergencyScreen
from wizard.tui.screens.question import QuestionScreen
from wizard.tui.screens.self_test import SelfTestScreen

from tests.tui.conftest import screen_text, wait_for
from tests.tui.test_walk import on

from .test_front_ends import _tree


async def test_side_and_checklist_in_the_tui(tmp_path):
    app = WizardApp(load([_tree(tmp_path)], bundled=False), start_tree="sidewalk")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, on(app, QuestionScreen, "sidewalk/which"), "the side question")
        assert "about 4 more" in screen_text(app)
        await pilot.press("2")
        await wait_for(pilot, on(app, SelfTestScreen, "sidewalk/stance"), "the stance test")
        assert "Stand on your right leg first." in screen_text(app)
        await pilot.press("4")
        await wait_for(pilot, on(app, QuestionScreen, "sidewalk/signs"), "the checklist")
        await pilot.press("3", "1")  # "None of these", then a sign: the sign unticks "None of these"
        await pilot.press("2", "d")
        await wait_for(pilot, on(app, EmergencyScreen), "the emergency screen")
        assert app.session.result().urgency == "emergency"
        assert app.session.path_answers["sidewalk/signs"] == ["fever", "night"]
