"""Pilot tests for the behaviour around each step: emergency stop, back, review and edit, why, timer,
measure validation and the journal calls that keep answers safe."""

from __future__ import annotations

from textual.widgets import Input

from wizard.content.model import Info, Measure, Question, SelfTest
from wizard.tui.app import WizardApp
from wizard.tui.screens.confirm import ConfirmScreen
from wizard.tui.screens.emergency import EmergencyScreen
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.review import ReviewScreen
from wizard.tui.screens.start import StartScreen
from wizard.tui.widgets.hold_timer import HoldTimer
from wizard.tui.widgets.why_panel import WhyPanel
from wizard.history.journal import NullJournal

from .conftest import Notes, Posted, on, screen_text, wait_for, walk_to_stance


async def to_pain_measure(app, pilot):
    """The example walk up to its pain measure (the stance test answered "neither side")."""
    await walk_to_stance(app, pilot)
    await pilot.press("4")
    await wait_for(pilot, on(app, Measure), "the pain measure")


async def to_fever(app, pilot):
    await wait_for(pilot, on(app, Info), "the welcome step")
    await pilot.press("enter")
    await wait_for(pilot, on(app, Question, "example-screen/fever"), "the fever question")


async def test_emergency_answer_stops_the_walk_on_a_full_screen_no_stray_key_leaves(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await to_fever(app, pilot)
        await pilot.press("y")
        await wait_for(pilot, on(app, EmergencyScreen), "the emergency screen")
        assert app.session.status == "emergency"
        text = screen_text(app)
        assert "EMERGENCY" in text and "Call emergency services or go to an emergency department now." in text
        assert "Emergency department" in text
        await pilot.press("escape", "enter", "b", "n", "r", "1", "space", "q", "e")
        assert isinstance(app.screen, EmergencyScreen) and len(app.screen_stack) == app.walk_depth  # nothing left over it
        assert app.session.status == "emergency"


async def test_emergency_can_be_left_only_by_ctrl_b_and_a_confirmation(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await to_fever(app, pilot)
        await pilot.press("y")
        await wait_for(pilot, on(app, EmergencyScreen), "the emergency screen")
        await pilot.press("ctrl+b")
        await wait_for(pilot, on(app, ConfirmScreen), "the confirmation")
        await pilot.press("enter")  # the focused button is "Stay here"
        await wait_for(pilot, on(app, EmergencyScreen), "the emergency screen again")
        await pilot.press("ctrl+b")
        await wait_for(pilot, on(app, ConfirmScreen), "the confirmation")
        await pilot.click("#yes")
        await wait_for(pilot, on(app, Question, "example-screen/fever"), "the fever question again")
        assert app.session.status == "in_progress"


async def test_back_undoes_the_last_answer_and_preselects_it(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("escape")
        await wait_for(pilot, on(app, Question, "example/where"), "the where question")
        assert "example/where" not in app.session.answers
        assert app.screen.query_one("#choices").highlighted == 0  # "outside", the answer given before
        await pilot.press("b")
        await wait_for(pilot, on(app, Question, "example-screen/fever"), "the fever question")


async def test_back_from_the_first_step_returns_to_the_start_screen(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await wait_for(pilot, on(app, Info), "the welcome step")
        await pilot.press("escape")
        await wait_for(pilot, on(app, StartScreen), "the start screen")
        assert app.session is None


async def test_review_lists_answers_and_editing_one_reroutes_keeping_later_answers(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("r")
        await wait_for(pilot, on(app, ReviewScreen), "the review screen")
        text = screen_text(app)
        assert "Fever with a hot, painful joint: No" in text
        assert "Where it hurts: On the outside of the hip" in text
        await pilot.press("3")  # change "where it hurts"
        await wait_for(pilot, lambda: getattr(app.screen, "step", None) and app.screen.step.editing, "edit screen")
        assert "Changing your answer to step 3" in screen_text(app)
        await pilot.press("2")  # groin
        await wait_for(pilot, on(app, Question, "example/activities"), "the re-routed walk")
        assert app.session.path_answers["example/where"] == "groin"
        assert len(app.screen_stack) == app.walk_depth  # the edit screen is gone


async def test_escape_while_editing_cancels_the_change(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        await pilot.press("r")
        await wait_for(pilot, on(app, ReviewScreen), "the review screen")
        await pilot.press("2")
        await wait_for(pilot, lambda: getattr(app.screen, "step", None) and app.screen.step.editing, "edit screen")
        await pilot.press("escape")
        await wait_for(pilot, on(app, ReviewScreen), "back on the review screen")
        await pilot.press("escape")
        await wait_for(pilot, on(app, SelfTest, "example/stance"), "the stance test")
        assert app.session.answers["example-screen/fever"] is False


async def test_why_panel_shows_reason_and_evidence_on_request(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        panel = app.screen.query_one(WhyPanel)
        assert not panel.display
        await pilot.press("question_mark")
        assert panel.display
        text = str(panel.render())
        assert "strong clue for a tendon problem" in text
        assert "Lequesne 2008; Grimaldi 2017" in text and "sensitivity 100%" in text and "specificity 97%" in text
        assert "No pain does not rule it out on its own." in text
        await pilot.press("question_mark")
        assert not panel.display


async def test_escape_closes_the_why_panel_before_it_goes_back(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        panel = app.screen.query_one(WhyPanel)
        await pilot.press("question_mark")
        assert panel.display
        await pilot.press("escape")
        assert not panel.display and on(app, SelfTest, "example/stance")()
        await pilot.press("escape")
        await wait_for(pilot, lambda: not on(app, SelfTest, "example/stance")(), "one step back")


async def test_hold_timer_starts_counts_to_the_target_and_stops(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await walk_to_stance(app, pilot)
        timer = app.screen.query_one(HoldTimer)
        now, bells = [1000.0], []
        timer.clock = lambda: now[0]
        app.bell = lambda: bells.append(now[0])
        await pilot.press("t")
        assert timer.running
        now[0] += 12.4
        await wait_for(pilot, lambda: "12 s of 30 s" in str(timer.render()), "12 seconds shown")
        now[0] += 20
        await wait_for(pilot, lambda: "time is up" in str(timer.render()), "the time-up message")
        assert len(bells) == 1  # one bell as the time passed, so a person standing on one leg hears it
        await pilot.press("t")
        assert not timer.running and "stopped at 32 s" in str(timer.render())
        assert "example/stance" not in app.session.answers  # the timer never answers for the person


async def test_bad_measure_values_get_a_clear_message_and_do_not_advance(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await to_pain_measure(app, pilot)
        problem = app.screen.query_one("#problem")
        for typed, expected in (("11", "That does not fit: enter a number from 0 to 10."),
                                ("abc", "Type a number from 0 to 10, whole numbers."),
                                ("2.5", "enter a whole number")):
            app.screen.query_one(Input).value = typed
            await wait_for(pilot, lambda expected=expected: expected in str(problem.render()), f"the message for {typed!r}")
            await pilot.press("enter")
            assert on(app, Measure)() and "example/pain" not in app.session.answers
        app.screen.query_one(Input).value = "3"
        await wait_for(pilot, lambda: str(problem.render()) == "", "the message to clear")
        await pilot.press("enter")
        await wait_for(pilot, on(app, ResultScreen), "the result")
        assert app.session.answers["example/pain"] == 3


async def test_a_measure_shown_again_on_the_walk_screen_holds_the_answer_given_before(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await to_pain_measure(app, pilot)
        await pilot.press("3", "enter")
        await wait_for(pilot, on(app, ResultScreen), "the result")
        await pilot.press("b")
        await wait_for(pilot, on(app, Measure), "the pain measure again")
        await pilot.press("escape")  # the box takes `b`
        await wait_for(pilot, on(app, SelfTest), "the stance test")
        await pilot.press("4")  # the same walk screen shows the measure again
        await wait_for(pilot, on(app, Measure), "the pain measure, a third time")
        assert app.screen.query_one(Input).value == "3"
        await pilot.press("backspace", "5", "enter")
        await wait_for(pilot, on(app, ResultScreen), "the result again")
        assert app.session.answers["example/pain"] == 5


class RecordingJournal(NullJournal):
    """Records what the app reports; like the store's journal, an answer to a walk not yet begun begins it
    (the app writes a fresh walk once its first step is drawn, or at its first answer if that comes first)."""

    keeps_history = True

    def __init__(self):
        self.calls = []
        self.ids = {}

    def begin(self, session):
        self.calls.append(("begin", dict(session.answers)))
        self.ids[session] = "s1"
        return "s1"

    def id_of(self, session):
        return self.ids.get(session)

    def record(self, session):
        if session not in self.ids:
            self.begin(session)
        self.calls.append(("record", dict(session.answers)))

    def finish(self, session):
        self.calls.append(("finish", session.status))


async def test_journal_hears_every_answer_back_and_the_end(library):
    journal = RecordingJournal()
    app = WizardApp(library, journal=journal, start_tree="example")
    async with app.run_test() as pilot:
        await to_fever(app, pilot)
        await pilot.press("b")
        await wait_for(pilot, on(app, Info), "the welcome step")
        await pilot.press("enter")
        await wait_for(pilot, on(app, Question, "example-screen/fever"))
        await pilot.press("y")
        await wait_for(pilot, on(app, EmergencyScreen))
    assert [c[0] for c in journal.calls] == ["begin", "record", "record", "record", "record", "finish"]
    assert journal.calls[2] == ("record", {})
    assert journal.calls[-1] == ("finish", "emergency")


async def test_quit_mid_walk_warns_that_answers_will_be_lost(library):
    app = WizardApp(library, start_tree="example")
    posted = Posted()
    async with app.run_test(message_hook=posted) as pilot:
        await to_fever(app, pilot)
        await pilot.press("ctrl+q")
        await wait_for(pilot, on(app, ConfirmScreen), "the quit warning")
        assert "will be lost" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, on(app, Question), "the question again")
        await pilot.press("ctrl+q")
        await wait_for(pilot, on(app, ConfirmScreen), "the quit warning")
        await pilot.click("#yes")
        await wait_for(pilot, posted.exit_requested, "the app to exit")


async def test_quit_asks_nothing_when_history_is_kept(library):
    app = WizardApp(library, journal=RecordingJournal(), start_tree="example")
    posted = Posted()
    async with app.run_test(message_hook=posted) as pilot:
        await to_fever(app, pilot)
        await pilot.press("ctrl+q")
        await wait_for(pilot, posted.exit_requested, "the app to exit")


async def test_quit_before_any_answer_asks_nothing(library):
    app = WizardApp(library)
    posted = Posted()
    async with app.run_test(message_hook=posted) as pilot:
        await wait_for(pilot, on(app, StartScreen))
        await pilot.press("ctrl+q")
        await wait_for(pilot, posted.exit_requested, "the app to exit")


async def test_rejected_answer_is_reported_not_raised(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        notes = Notes(app)
        await to_fever(app, pilot)
        app.screen.submit("maybe")
        await wait_for(pilot, lambda: "answer yes or no" in notes, "the answer error")
        assert on(app, Question)() and not app.session.answers.get("example-screen/fever")


class FailingJournal(RecordingJournal):
    def record(self, session):
        raise OSError("disk full")


async def test_a_journal_that_cannot_save_is_reported_and_the_walk_goes_on(library):
    app = WizardApp(library, journal=FailingJournal(), start_tree="example")
    async with app.run_test() as pilot:
        notes = Notes(app)
        await to_fever(app, pilot)
        assert "could not be saved (disk full)" in notes
        await pilot.press("ctrl+q")  # history is no longer kept, so quitting now warns
        await wait_for(pilot, on(app, ConfirmScreen), "the quit warning")


async def test_f2_opens_the_why_panel_while_typing_a_number(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await to_pain_measure(app, pilot)
        await pilot.press("1", "f2")
        assert app.screen.query_one(Input).value == "1" and app.screen.query_one(WhyPanel).display
        assert "Tracking pain over time" in str(app.screen.query_one(WhyPanel).render())


async def test_new_check_mid_walk_asks_before_losing_answers(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await to_fever(app, pilot)
        app.action_new_session()
        await wait_for(pilot, on(app, ConfirmScreen), "the leave warning")
        await pilot.press("enter")  # "Stay" has focus
        await wait_for(pilot, on(app, Question), "the question again")
        assert app.session.answers == {"example/welcome": True}
        app.action_new_session()
        await wait_for(pilot, on(app, ConfirmScreen), "the leave warning")
        await pilot.click("#yes")
        await wait_for(pilot, on(app, StartScreen), "the start screen")
        assert app.session is None


async def test_clicking_a_key_in_the_key_bar_presses_it(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await to_fever(app, pilot)
        assert str(app.screen.query_one("#keys").render()).startswith("esc Back")
        await pilot.click("#keys", offset=(2, 0))  # on "esc Back"
        await wait_for(pilot, on(app, Info), "the welcome step again")


async def test_a_refused_answer_can_be_given_again(library):
    app = WizardApp(library, start_tree="example")
    async with app.run_test() as pilot:
        await to_fever(app, pilot)
        app.screen.submit("maybe")
        await wait_for(pilot, lambda: not app.screen.answered, "the screen to reopen")
        await pilot.press("n")
        await wait_for(pilot, on(app, Question, "example/where"), "the where question")


def test_every_who_value_in_the_schema_has_plain_words():
    import json
    from pathlib import Path
    from wizard.wording import WHO
    schema = json.loads((Path(__file__).resolve().parents[2] / "wizard/schema/tree.schema.json").read_text())
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "who" in value.get("properties", {}):
                found.extend(value["properties"]["who"]["enum"])
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(schema)
    assert found and set(found) <= WHO.keys()
