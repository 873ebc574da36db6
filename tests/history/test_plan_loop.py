"""The re-test loop end to end, with the real store and the bundled trees (issue 11).

A full check with positive outer-hip tests, then a quick re-test: with the same tests positive the findings
and the plan stay; with better results stage 2 unlocks and the summary says why; the re-test's Markdown and
JSON carry the comparison; a re-test right after a check does not ask "6 weeks on the plan?".
"""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from wizard import plain
from wizard.content.loader import load
from wizard.content.model import Info, Measure, Question, SelfTest
from wizard.history.retest import retest_intro, retest_view, suggest_from_last_check
from wizard.history.store import Store
from wizard.report import render
from wizard.report.summary import build_summary
from wizard.walk.engine import Session
from wizard.walk.resume import restore

from .test_suggest import fill

FULL = {"red-flags/who": "self", "red-flags/age": 52, "full-check/where": ["outside"],
        "side-tests/trochanter": "right", "side-tests/stance30": "right", "side-tests/trendelenburg": "right",
        "side-tests/resisted-abduction": "right", "glute-tests/bridge": "right", "glute-tests/side-hold": "right",
        "measures/pain": 6, "measures/walking": 70, "measures/stance-left": 30, "measures/stance-right": 12,
        "measures/chair-stand": 10}
SAME = {"red-flags-short/about": "self", "quick-retest/areas": ["side", "strength"],
        **{q: v for q, v in FULL.items() if q.split("/")[0] in ("side-tests", "glute-tests", "measures")},
        "quick-retest/next-day-pain": 3, "quick-retest/change": "same"}
BETTER = {**SAME, "side-tests/stance30": "neither", "side-tests/trendelenburg": "neither",
          "glute-tests/side-hold": "neither", "measures/pain": 3, "measures/stance-right": 30,
          "quick-retest/next-day-pain": 2, "quick-retest/change": "better"}
WHEN = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bundled():
    return load([])


@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path) as opened:
        yield opened


def retest(store, library, answers: dict):
    """A finished quick re-test saved in `store`, the way a front end walks it (suggestions included)."""
    session = Session(library, "quick-retest")
    suggest_from_last_check(store, library, session)
    presumed = dict(session.answers)
    fill(store, library, "quick-retest", {**answers, **presumed})
    session_id = store.latest_id(finished_only=True)
    session, _ = restore(library, store.load(session_id))
    return session, session_id


def plan_weeks_pass(store, weeks: int = 3) -> None:
    """Move the walks so far `weeks` back: a stage moves up only from the plan's re-test date (3 weeks on)."""
    for row in store.sessions():
        then = (datetime.fromisoformat(row.updated) - timedelta(weeks=weeks)).isoformat(timespec="microseconds")
        store.conn.execute("UPDATE sessions SET started = ?, updated = ?, finished = ? WHERE id = ?",
                           (then, then, then, row.id))
    store.conn.commit()


def summary(store, library, session, session_id):
    return build_summary(session, when=WHEN, retest=retest_view(store, library, session, session_id))


def finding_ids(s) -> list[str]:
    return [f.id for f in s.findings]


def test_same_results_keep_the_findings_and_the_plan(store, bundled):
    full = fill(store, bundled, "full-check", FULL)
    before = build_summary(full, when=WHEN)
    assert finding_ids(before) == ["gluteal-tendinopathy", "glute-weakness"]
    after = summary(store, bundled, *retest(store, bundled, SAME))
    assert finding_ids(after) == finding_ids(before)
    assert [e.id for e in after.exercises] == [e.id for e in before.exercises]
    assert after.plan.stage == 1 and after.change.stage_headline.startswith("Staying at stage 1")
    assert not [line for line in after.change.lines if line.startswith("No longer found")]


def test_better_results_the_same_day_are_too_early_to_move_on(store, bundled):
    fill(store, bundled, "full-check", FULL)
    after = summary(store, bundled, *retest(store, bundled, BETTER))
    opens = date.today() + timedelta(weeks=3)
    assert after.plan.stage == 1 and after.change.stage_headline == "Staying at stage 1 (settle)"
    assert after.change.stage_reasons[0] == (f"Too early to move on: stage 2 can open from your re-test date, "
                                             f"{opens.day} {opens:%b %Y}.")


def test_better_results_unlock_stage_two_and_say_why(store, bundled):
    fill(store, bundled, "full-check", FULL)
    plan_weeks_pass(store)
    after = summary(store, bundled, *retest(store, bundled, BETTER))
    assert after.plan.stage == 2 and after.change.stage_headline == "Next stage unlocked: stage 2 (build)"
    assert after.change.stage_reasons == ()  # the why is the comparison, listed once:
    assert "Standing on the right leg: better, 12 -> 30 seconds (+18)" in after.change.lines
    assert 2 in {e.stage for e in after.exercises}


def test_worse_results_step_back(store, bundled):
    fill(store, bundled, "full-check", FULL)
    plan_weeks_pass(store)
    retest(store, bundled, BETTER)  # stage 2; stepping back needs no wait
    worse = {**SAME, "measures/pain": 8, "measures/stance-right": 5, "quick-retest/next-day-pain": 7,
             "quick-retest/change": "worse"}
    after = summary(store, bundled, *retest(store, bundled, worse))
    assert after.plan.stage == 1 and after.change.stage_headline.startswith("Stepped back to stage 1")


def test_the_retest_exports_carry_the_comparison(store, bundled):
    fill(store, bundled, "full-check", FULL)
    plan_weeks_pass(store)
    after = summary(store, bundled, *retest(store, bundled, BETTER))
    markdown = render(after, "md")
    assert "## Since your last full check" in markdown and "Compared with your Full hip check of" in markdown
    assert "Next stage unlocked" in markdown and "Pain over the last week: better" in markdown
    data = json.loads(render(after, "json"))
    assert data["plan"]["stage"] == 2 and data["change"]["stage_headline"].startswith("Next stage unlocked")
    assert any("better" in line for line in data["change"]["lines"])
    fhir = json.loads(render(after, "fhir"))
    assert any(i["linkId"] == "hip-wizard/since-last-check" for i in fhir["item"])


def test_the_html_export_charts_the_measures_over_the_walks(store, bundled):
    from wizard.history.views import walk_trends
    fill(store, bundled, "full-check", FULL)
    session, session_id = retest(store, bundled, BETTER)
    trends = walk_trends(store, bundled, session_id)
    assert {t.label for t in trends} >= {"Pain over the last week", "Walking compared with normal"}
    page = render(build_summary(session, when=WHEN, trends=trends), "html")
    assert page.count("<svg") == len(trends) and "Pain over the last week (/10): 6 -&gt; 3" in page


def test_a_retest_soon_after_the_check_does_not_ask_about_six_weeks(store, bundled):
    fill(store, bundled, "full-check", FULL)
    session = Session(bundled, "quick-retest")
    suggest_from_last_check(store, bundled, session)
    assert session.answers == {"quick-retest/weeks": False}
    seen = []
    while session.current is not None:
        seen.append(session.current.qid)
        node = session.current
        session.answer(SAME.get(node.qid, _negative(node)))
    assert "quick-retest/weeks" not in seen and "quick-retest/weeks" in session.path_answers


def test_a_retest_says_up_front_whether_there_is_a_check_to_compare_with(store, bundled):
    assert retest_intro(store, bundled, "quick-retest").startswith("There is no finished Full hip check")
    fill(store, bundled, "full-check", FULL)
    assert retest_intro(store, bundled, "quick-retest").startswith("This re-test compares with your Full hip check of")
    assert retest_intro(store, bundled, "full-check") is None


def _negative(node):
    from wizard.authoring.scenarios import negative_answer
    value = negative_answer(node)
    if value is None:  # no negative answer (a measure, or a question such as "which hip operation"): the first
        return node.min if isinstance(node, Measure) else node.options[0].value
    return value


def plain_input(node, value) -> str:
    """What a person types in plain mode for `value` at `node`."""
    if isinstance(node, Info):
        return ""
    if isinstance(node, SelfTest):
        return str(node.results.index(value) + 1)
    if isinstance(node, Measure):
        return str(value)
    if isinstance(node, Question) and node.style == "yes_no":
        return "y" if value else "n"
    values = [o.value for o in node.options]
    if node.style == "single":
        return str(values.index(value) + 1)
    return " ".join(str(values.index(v) + 1) for v in value) or "0"


def test_plain_mode_retest_keeps_findings_and_shows_the_change(tmp_path, bundled):
    with Store.open(tmp_path) as opened:
        fill(opened, bundled, "full-check", FULL)
        plan_weeks_pass(opened)
        session = Session(bundled, "quick-retest")
        suggest_from_last_check(opened, bundled, session)
    lines = []
    while session.current is not None:
        node = session.current
        value = BETTER.get(node.qid, _negative(node))
        lines.append(plain_input(node, value))
        session.answer(value)
    out = io.StringIO()
    args = SimpleNamespace(tree="quick-retest", trees=[], data_dir=tmp_path)
    code = plain.run_plain(args, io.StringIO("".join(f"{line}\n" for line in lines)), out)
    text = out.getvalue()
    assert code == 0, text[-2000:]
    assert 0 <= text.index("This re-test compares with your Full hip check of") < text.index("Safety")
    assert "## Since your last full check" in text and "Next stage unlocked: stage 2 (build)" in text
    assert "Outer hip tendon pain" in text and "Your plan: stage 2 of 3 (build)" in text


def test_a_retest_summary_with_change_plan_and_trends_fits_the_json_schema_and_fhir(store, bundled):
    from importlib import resources
    from jsonschema import Draft202012Validator
    from wizard.history.views import walk_trends
    fill(store, bundled, "full-check", FULL)
    session, session_id = retest(store, bundled, BETTER)
    done = build_summary(session, when=WHEN, retest=retest_view(store, bundled, session, session_id),
                         trends=walk_trends(store, bundled, session_id))
    schema = json.loads(resources.files("wizard.schema").joinpath("summary.schema.json").read_text("utf-8"))
    data = json.loads(render(done, "json"))
    assert data["trends"] and data["change"]["lines"]
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []
    fhir = pytest.importorskip("fhir.resources.R4B.questionnaireresponse")
    fhir.QuestionnaireResponse.model_validate(json.loads(render(done, "fhir")))
