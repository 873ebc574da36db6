"""The result screen shows the same `Summary` as the exports, in the same order (issue 13 item 2), and a
quick re-test in the app keeps its findings, stages the plan and says so (issue 11), with the real store."""

from __future__ import annotations

import re
from datetime import datetime, UTC

import pytest

from wizard.authoring.scenarios import ScenarioResult, _walk
from wizard.content.loader import load
from wizard.content.model import qualify
from wizard.history.store import Store
from wizard.report import render
from wizard.report.sections import plain_text, sections
from wizard.report.summary import build_summary
from wizard.tui.app import WizardApp
from wizard.tui.screens.result import ResultScreen
from wizard.tui.screens.start import StartScreen
from wizard.walk.engine import Session

from tests.history.test_plan_loop import BETTER, FULL, _negative, plan_weeks_pass
from tests.history.test_suggest import fill

from .conftest import screen_text, wait_for

WHEN = datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
BUNDLED = load([])
# Screen heading -> the Markdown heading that carries the same part of the summary.
MARKDOWN_HEADING = {"What to do next": "## What to do next", "Since your last full check": "## Since your last full check",
                    "Findings": "## Findings", "Where your answers led": "## Where your answers led",
                    "Exercises and positions": "## Exercises and positions", "Lifestyle changes": "### Lifestyle changes",
                    "When to re-test": "## When to re-test", "Measures": "## Measures", "Notes": "## Notes"}


def _scenario_walks():
    for tree in BUNDLED.trees.values():
        for scenario in tree.scenarios:
            given = {qualify(tree.id, k): v for k, v in scenario.given.items()}
            session = _walk(BUNDLED, tree.id, given, scenario.unlisted, ScenarioResult(tree.id, scenario))
            if session is not None:
                yield pytest.param(session, id=f"{tree.id}: {scenario.name[:50]}")


def _markdown_heading(heading: str, markdown: str) -> str:
    if heading.startswith(("Your plan: ", "Your routine ")) or f"\n## {heading}\n" in markdown:
        return "## " + heading
    return MARKDOWN_HEADING[heading]


@pytest.mark.parametrize("session", list(_scenario_walks()))
def test_screen_sections_follow_the_markdown_in_order_and_content(session):
    summary = build_summary(session, when=WHEN)
    markdown = render(summary, "md").replace("\\", "")
    shown = sections(summary)
    positions = [markdown.index(_markdown_heading(s.heading, markdown)) for s in shown]
    assert positions == sorted(positions), [s.heading for s in shown]
    names = [*(f.name for f in summary.findings), *(e.name for e in summary.exercises), *(a.title for a in summary.advice)]
    screen = "\n".join(plain_text(s) for s in shown)
    assert [n for n in names if n not in screen] == []
    findings_at = markdown.index("## Findings")
    order = [markdown.index(f"### {f.name}", findings_at) for f in summary.findings]
    advice_at = markdown.index("Lifestyle changes") if summary.advice else 0
    order += [markdown.index(f"**{a.title}:**", advice_at) for a in summary.advice]
    assert order == sorted(order)
    if summary.plan:
        assert f"{summary.plan.get_help_by:%Y-%m-%d}" in screen and f"{summary.plan.get_help_by:%Y-%m-%d}" in markdown


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


async def test_the_screen_shows_every_section_of_the_summary(tmp_path):
    store = Store.open(tmp_path)
    fill(store, BUNDLED, "full-check", FULL)
    plan_weeks_pass(store)  # the re-test comes on the plan's date, so the next stage can open
    session = Session(BUNDLED, "quick-retest")
    app = WizardApp(BUNDLED, journal=store.journal(), store=store)
    app.now = lambda: WHEN
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StartScreen), "the start screen")
        session = app._fresh_session("quick-retest")
        assert "quick-retest/weeks" in session.answers  # the date says it is not 6 weeks yet: not asked
        while session.current is not None and session.current.qid != "quick-retest/change":
            node = session.current
            session.answer(BETTER.get(node.qid, _negative(node)))
        app.begin_walk(session)
        await wait_for(pilot, lambda: getattr(app.screen, "node", None) is not None, "the last step")
        await pilot.press("1")  # Better
        await wait_for(pilot, lambda: isinstance(app.screen, ResultScreen), "the result")
        text = _words(screen_text(app))
        change = _words(str(app.screen.query_one("#change").render()))
        assert "Next stage unlocked: stage 2 (build)" in change
        assert "Standing on the right leg: better, 12 -> 30 seconds (+18)" in change
        assert change.count("Standing on the right leg") == 1  # each change once, not again as a reason
        assert "Outer hip tendon pain" in text and "Your plan: stage 2 of 3 (build)" in text
        expected = build_summary(app.session, when=WHEN, retest=app._retest_view(app.session))
        for section in sections(expected):
            assert _words(plain_text(section)) in text
    store.close()
