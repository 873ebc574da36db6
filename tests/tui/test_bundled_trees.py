"""Pilot walks through the real bundled trees: every entry tree reaches a result through the screens, and
a red flag in the full check stops the walk on the emergency screen."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from wizard.authoring.scenarios import negative_answer
from wizard.content.loader import collect
from wizard.content.model import Info, Measure, Question, SelfTest
from wizard.tui.app import WizardApp
from wizard.tui.screens.emergency import EmergencyScreen
from wizard.tui.screens.result import ResultScreen

from .conftest import on, screen_text, wait_for

MAX_STEPS = 200
NEGATIVE = ("neither", "negative")


@pytest.fixture(scope="module")
def bundled():
    loaded = collect([])
    assert not loaded.errors, f"the bundled trees must load (see `hip-wizard check`): {loaded.errors[0]}"
    return loaded.library


def settled(app) -> bool:
    return any(on(app, shown)() for shown in (Info, Question, SelfTest, Measure, ResultScreen, EmergencyScreen))


async def answer_calmly(app, pilot) -> None:
    """The answer of someone with no warning signs: no, the first choice, nothing ticked (or "None of these",
    or where a tick is needed the likely place), negative, lowest."""
    screen, node = app.screen, app.screen.node
    if isinstance(node, Info):
        await pilot.press("enter")
    elif isinstance(node, Question) and node.style == "multi":
        ticks = [str(node.options.index(node.option(value)) + 1) for value in negative_answer(node)]
        await pilot.press(*ticks, "d")
    elif isinstance(node, Question):
        await pilot.press({"yes_no": "n", "single": "1", "multi": "d"}[node.style])
    elif isinstance(node, SelfTest):
        result = next(r for r in node.results if r in NEGATIVE)
        await pilot.press(str(node.results.index(result) + 1))
    else:
        screen.query_one(Input).value = f"{node.min:g}"
        await pilot.press("enter")


async def walk_until(app, pilot, stop) -> None:
    for _ in range(MAX_STEPS):
        await wait_for(pilot, lambda: settled(app), "a step or result screen")
        if stop(app):
            return
        if not hasattr(app.screen, "node"):
            raise AssertionError(f"the walk stopped on {type(app.screen).__name__} ({app.session.status})")
        before = (app.screen.node.qid, len(app.session.answers))
        await answer_calmly(app, pilot)
        await wait_for(pilot, lambda before=before: not settled(app) or isinstance(app.screen, (ResultScreen, EmergencyScreen))
                       or (app.screen.node.qid, len(app.session.answers)) != before, "the next step")
    raise AssertionError("the walk did not end")


@pytest.mark.parametrize("tree_id", ["full-check", "quick-retest", "side-sleeper", "uneven-hips"])
async def test_entry_tree_walks_to_a_result(bundled, tree_id):
    assert tree_id in bundled.trees, f"{tree_id} is a bundled entry tree"
    app = WizardApp(bundled, start_tree=tree_id)
    async with app.run_test(size=(100, 32)) as pilot:
        await walk_until(app, pilot, lambda a: isinstance(a.screen, (ResultScreen, EmergencyScreen)))
        assert isinstance(app.screen, ResultScreen), f"{tree_id} stopped at {app.session.status}"
        assert app.session.finished and "not a doctor" in screen_text(app)


def _emergency_option(node) -> int | None:
    """The 1-based number of the first emergency tick box of a red-flag checklist, else None."""
    if isinstance(node, Question) and node.style == "multi":
        return next((i for i, o in enumerate(node.options, 1) if o.red_flag == "emergency"), None)
    return None


async def test_emergency_red_flag_in_the_full_check_stops_on_the_emergency_screen(bundled):
    def at_emergency_flag(a):
        node = getattr(a.screen, "node", None)
        return _emergency_option(node) is not None or (
            isinstance(node, Question) and node.style == "yes_no" and node.red_flag == "emergency")

    app = WizardApp(bundled, start_tree="full-check")
    async with app.run_test() as pilot:
        await walk_until(app, pilot, at_emergency_flag)
        tick = _emergency_option(app.screen.node)
        await pilot.press(*((str(tick), "d") if tick else ("y",)))
        await wait_for(pilot, lambda: isinstance(app.screen, EmergencyScreen) and app.screen.is_mounted,
                       "the emergency screen")
        assert app.session.status == "emergency" and "EMERGENCY" in screen_text(app)


async def test_where_it_hurts_needs_a_tick(bundled):
    """Every later question and test depends on where it hurts: Done with nothing ticked is refused, and says so."""
    app = WizardApp(bundled, start_tree="full-check")
    async with app.run_test(size=(100, 32)) as pilot:
        await walk_until(app, pilot, lambda a: on(a, Question, "full-check/where")())
        await pilot.press("d")
        await wait_for(pilot, lambda: any("tick at least one" in str(n.message) for n in app._notifications),
                       "the refusal")
        assert on(app, Question, "full-check/where")() and "full-check/where" not in app.session.answers
        await pilot.press("2", "d")
        await wait_for(pilot, lambda: app.session.answers.get("full-check/where") == ["outside"], "the answer")


async def test_zero_ticks_none_of_these_in_a_checklist_longer_than_nine(bundled):
    """The back, belly and blood-vessel signs are twelve: "None of these" has no number key, so it shows 0."""
    from wizard.tui.widgets.tick_list import TickList
    app = WizardApp(bundled, start_tree="full-check")
    async with app.run_test(size=(100, 32)) as pilot:
        await walk_until(app, pilot, lambda a: on(a, Question, "red-flags/nerves-now")())
        ticks = app.screen.query_one(TickList)
        last = len(ticks.values) - 1
        assert last >= 9 and str(ticks.get_option_at_index(last).prompt).startswith("0  [ ] None of these")
        await pilot.press("1", "0")  # a sign, then "None of these": it stands alone
        await wait_for(pilot, lambda: ticks.selected == ["none"], "None of these ticked alone")
        assert str(ticks.get_option_at_index(last).prompt).startswith("0  [x] None of these")
        await pilot.press("d")
        await wait_for(pilot, lambda: app.session.answers.get("red-flags/nerves-now") == ["none"], "the answer")


async def test_stopping_the_timer_on_a_balance_measure_puts_the_seconds_in_the_box(bundled):
    """Stand on one leg, Ctrl+T to start, Ctrl+T when the foot comes down: the box says how long. A count
    against the clock (chair stands in 30 seconds) is not a time, so its box stays for the person to fill."""
    from wizard.tui.widgets.hold_timer import HoldTimer
    app = WizardApp(bundled, start_tree="full-check")
    async with app.run_test(size=(100, 32)) as pilot:
        await walk_until(app, pilot, lambda a: on(a, Measure, "measures/stance-left")())
        timer, box = app.screen.query_one(HoldTimer), app.screen.query_one(Input)
        now = [500.0]
        timer.clock = lambda: now[0]
        await pilot.press("ctrl+t")
        now[0] += 12.6
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: box.value == "12", "the seconds in the box")
        assert "measures/stance-left" not in app.session.answers  # the person checks it and presses Enter
        await pilot.press("1", "4")  # selected: typing replaces it
        assert box.value == "14"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.session.answers.get("measures/stance-left") == 14, "the answer")
        await walk_until(app, pilot, lambda a: on(a, Measure, "measures/chair-stand")())
        timer, box = app.screen.query_one(HoldTimer), app.screen.query_one(Input)
        timer.clock = lambda: now[0]
        await pilot.press("ctrl+t")
        now[0] += 30.2
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: "stopped at 30 s" in str(timer.render()), "the stopped timer")
        await pilot.pause()
        assert box.value == ""
