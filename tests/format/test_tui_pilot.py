"""Pilot tests: the sore side asked once and used in a self-test's words; a checklist with two ticks."""

from __future__ import annotations

from wizard.content.model import Measure, Question, SelfTest
from wizard.content.loader import load
from wizard.tui.app import WizardApp
from wizard.tui.screens.emergency import EmergencyScreen

from tests.tui.conftest import on, screen_text, wait_for

from .conftest import sidewalk_tree



async def test_side_and_checklist_in_the_tui(tmp_path):
    app = WizardApp(load([sidewalk_tree(tmp_path)], bundled=False), start_tree="sidewalk")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, on(app, Question, "sidewalk/which"), "the side question")
        assert "Step 1 · about 3 more" in screen_text(app)  # as plain mode says it
        await pilot.press("2")
        await wait_for(pilot, on(app, SelfTest, "sidewalk/stance"), "the stance test")
        assert "Stand on your right leg first." in screen_text(app)
        await pilot.press("4")
        await wait_for(pilot, on(app, Question, "sidewalk/signs"), "the checklist")
        await pilot.press("3", "1")  # "None of these", then a sign: the sign unticks "None of these"
        await pilot.press("2", "d")
        await wait_for(pilot, on(app, EmergencyScreen), "the emergency screen")
        assert app.session.result().urgency == "emergency"
        assert app.session.path_answers["sidewalk/signs"] == ["fever", "night"]


async def test_the_result_screen_says_which_test_was_not_offered(tmp_path):
    from wizard.tui.screens.result import ResultScreen
    from .conftest import CAUTIONS, screen, walk_tree, write
    paths = [write(tmp_path, f"{t['id']}.yaml", t) for t in (screen(), walk_tree())]
    library = load(paths + [write(tmp_path, "safety.yaml", CAUTIONS)], bundled=False)
    app = WizardApp(library, start_tree="walk")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, on(app, Question, "screen/op"), "the operation question")
        await pilot.press("2")
        await wait_for(pilot, on(app, Question, "screen/fall"), "the fall question")
        await pilot.press("n")
        await wait_for(pilot, lambda: app.session.current is not None and app.session.current.qid == "walk/pain",
                       "the pain measure")
        await pilot.press("2", "enter")
        await wait_for(pilot, on(app, ResultScreen), "the result screen")
        assert "FADIR was not offered: After a hip replacement" in screen_text(app)


async def test_a_timed_measure_offers_a_timer_on_ctrl_t_and_takes_c_for_could_not(tmp_path):
    from wizard.tui.widgets.hold_timer import HoldTimer
    from .conftest import measure, outcome, tree, write
    stance = measure(text="Seconds on one leg", unit="seconds", min=0, max=60, hold_seconds=60,
                     cannot_do="I could not try it", next="end")
    library = load([write(tmp_path, "timed.yaml", tree("timed", {"stance": stance, "end": outcome()}))],
                   bundled=False)
    app = WizardApp(library, start_tree="timed")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, on(app, Measure, "timed/stance"), "the timed measure")
        timer = app.screen.query_one(HoldTimer)
        assert "press Ctrl+T to start" in screen_text(app) and "Type c for: I could not try it" in screen_text(app)
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: timer.running, "the timer to start")
        await pilot.press("ctrl+t", "c", "enter")
        await wait_for(pilot, lambda: app.session.finished, "the walk to end")
        assert app.session.answers["timed/stance"] == "cannot" and not timer.running


async def test_a_test_that_needs_a_helper_says_so_before_its_steps(tmp_path):
    """A new user met "You need someone to help you with this." only after scrolling past the steps."""
    from textual.widgets import Static
    from .conftest import outcome, self_test, tree, write
    partner = self_test(text="Lie on your back; your helper rolls the leg.", who="partner", next="end")
    alone = self_test(text="Stand on one leg.", who="alone", next="end")
    nodes = {"roll": {**partner, "next": "stand"}, "stand": alone, "end": outcome()}
    app = WizardApp(load([write(tmp_path, "who.yaml", tree("who", nodes))], bundled=False), start_tree="who")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, on(app, SelfTest, "who/roll"), "the partner test")
        body = [w.id for w in app.screen.query_one("#body").children if isinstance(w, Static) and w.display]
        assert body.index("helper") < body.index("steps") and "who" not in body
        assert "You need someone to help you with this." in screen_text(app)
        await pilot.press("1")  # any result moves on
        await wait_for(pilot, on(app, SelfTest, "who/stand"), "the test done alone")
        body = [w.id for w in app.screen.query_one("#body").children if isinstance(w, Static) and w.display]
        assert body.index("who") > body.index("steps") and "helper" not in body
