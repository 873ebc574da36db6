"""Pilot tests: walking the example tree through every screen kind to a result, with the keyboard."""

from __future__ import annotations

import pytest
from textual.events import Key

from wizard.content.model import Info, Measure, Question, SelfTest
from wizard.tui.app import WizardApp
from wizard.tui.screens.result import ResultScreen
from wizard.tui.widgets.urgency_banner import UrgencyBanner

from .conftest import on, screen_text, walk_to_stance, wait_for


@pytest.mark.parametrize("size", [(80, 24), (140, 45), (44, 14)])
async def test_walk_to_a_result_with_findings_and_plan(library, size):
    app = WizardApp(library, start_tree="example")
    async with app.run_test(size=size) as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("1")  # positive on the left
        await wait_for(pilot, on(app, ResultScreen), "the result screen")
        text = screen_text(app)
        assert "Self-care" in str(app.screen.query_one(UrgencyBanner).render())
        assert "Outer hip tendon pattern (example)" in text
        assert "- 30-second single-leg stance: Positive on the left" in text
        assert "Standing hip-out press (example)" in text and "4 min" in text
        assert "5 holds of 30 seconds, once a day" in text
        assert "Sleep with a pillow between the knees" in text
        assert "not a doctor" in text
        assert app.session.path_answers == {"example/welcome": True, "example-screen/fever": False,
                                            "example/where": "outside", "example/stance": "left"}


async def test_measure_path_reaches_a_routine_referral(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("4")  # negative on both sides
        await wait_for(pilot, on(app, Measure, "example/pain"), "the pain measure")
        await pilot.press("9", "enter")
        await wait_for(pilot, on(app, ResultScreen), "the result screen")
        assert "Routine" in str(app.screen.query_one(UrgencyBanner).render())
        assert "GP or physiotherapist" in screen_text(app)


async def test_multi_choice_ticks_with_number_keys_and_exclusive_option_clears_others(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await wait_for(pilot, on(app, Info), "the welcome step")
        await pilot.press("enter")
        await wait_for(pilot, on(app, Question, "example-screen/fever"))
        await pilot.press("n")
        await wait_for(pilot, on(app, Question, "example/where"))
        await pilot.press("2")
        await wait_for(pilot, on(app, Question, "example/activities"), "the multi question")
        await pilot.press("1", "2")
        from wizard.tui.widgets.tick_list import TickList
        selections = app.screen.query_one(TickList)
        assert selections.selected == ["sitting", "stairs"]
        await pilot.press("3")  # "None of these" is exclusive
        assert selections.selected == ["none"]
        await pilot.press("1")
        assert selections.selected == ["sitting"]
        assert "1  [x] Sitting for a long time" in screen_text(app) and "3  [ ] None of these" in screen_text(app)
        await pilot.press("down", "enter")  # arrows and Enter tick too
        assert selections.selected == ["sitting", "stairs"]
        await pilot.press("2")
        await pilot.press("d")
        await wait_for(pilot, on(app, Measure), "the pain measure")
        assert app.session.answers["example/activities"] == ["sitting"]


async def test_mouse_click_picks_an_option(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await wait_for(pilot, on(app, Info), "the welcome step")
        await pilot.click("#continue")
        await wait_for(pilot, on(app, Question, "example-screen/fever"), "the fever question")
        await pilot.click("#choices", offset=(4, 2))  # under the "Your answer" rule, the second line: "No"
        await wait_for(pilot, on(app, Question, "example/where"), "the where question")
        assert app.session.answers["example-screen/fever"] is False


async def test_y_and_n_answer_only_yes_no_questions(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await wait_for(pilot, on(app, Info), "the welcome step")
        await pilot.press("enter")
        await wait_for(pilot, on(app, Question, "example-screen/fever"))
        await pilot.press("n")
        await wait_for(pilot, on(app, Question, "example/where"), "the where question")
        await pilot.press("n", "y")
        assert app.screen.node.qid == "example/where" and "example/where" not in app.session.answers


async def test_keys_typed_ahead_never_change_the_answer_just_given(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await wait_for(pilot, on(app, Info), "the welcome step")
        await pilot.press("enter")
        await wait_for(pilot, on(app, Question, "example-screen/fever"))
        await pilot.press("n")
        await wait_for(pilot, on(app, Question, "example/where"))
        for key in "12":  # both keys queued before the app can show the next step
            app.post_message(Key(key, key))
        await wait_for(pilot, on(app, SelfTest, "example/stance"), "the stance test")
        await pilot.pause()
        assert app.session.answers["example/where"] == "outside"


async def test_one_walk_screen_is_reused_and_nothing_of_a_step_leaks_into_the_next(library):
    """Answers and `b` update the same screen in place (a new screen per step made each key press slow,
    issue 15); what belonged to one step (why panel, timer, scroll position, answered guard) must not
    follow the person to the next one, and `b` shows the answer given before."""
    from wizard.tui.widgets.hold_timer import HoldTimer
    from wizard.tui.widgets.text_pane import TextPane
    app = WizardApp(library, start_tree="example")
    async with app.run_test(size=(60, 16)) as pilot:
        await wait_for(pilot, on(app, Info), "the welcome step")
        walk = app.screen
        await pilot.press("enter")
        await wait_for(pilot, on(app, Question, "example-screen/fever"), "the fever question")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: walk.why.display, "the why panel")
        await pilot.press("n")
        await wait_for(pilot, on(app, Question, "example/where"), "the where question")
        assert app.screen is walk and not walk.why.display and not walk.answered
        await pilot.press("1")
        await wait_for(pilot, on(app, SelfTest, "example/stance"), "the stance test")
        pane, timer = walk.query_one(TextPane), walk.query_one(HoldTimer)
        timer.clock = lambda: 1000.0
        await pilot.press("t", "pagedown")
        timer.clock = lambda: 1012.0
        await wait_for(pilot, lambda: pane.scroll_y > 0 and timer.running and timer.elapsed == 12, "scroll, timer")
        await pilot.press("b")
        await wait_for(pilot, on(app, Question, "example/where"), "back at the where question")
        assert app.screen is walk and app.focused is walk.answer_widget and not walk.answered
        assert not timer.display and not timer.running
        await pilot.press("b")
        await wait_for(pilot, on(app, Question, "example-screen/fever"), "back at the fever question")
        assert app.screen is walk and walk.answer_widget.highlighted == 1  # "No", the answer given before
        await pilot.press("n")
        await wait_for(pilot, on(app, Question, "example/where"), "the where question again")
        await pilot.press("1")
        await wait_for(pilot, on(app, SelfTest, "example/stance"), "the stance test again")
        await wait_for(pilot, lambda: pane.scroll_y == 0, "the text back at the top")
        assert app.screen is walk and timer.display and not timer.running and timer.elapsed == 0
        assert "30 s" in str(timer.render()) and not walk.why.display and not walk.answered
