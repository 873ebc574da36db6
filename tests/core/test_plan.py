"""The plan builder over every bundled scenario: a short staged routine that never contradicts itself.

Issue 11: 4 to 6 exercises and 20 to 30 minutes (the catalogue's `plan:` rules), no exercise before those
it must come after, no exercise that an advice item of the same plan rules out, the first plan at stage 1,
and a schedule that keeps "3 times a week" to three days.
"""

from __future__ import annotations

from datetime import date

import pytest

from wizard.authoring.scenarios import ScenarioResult, _walk
from wizard.content import loader
from wizard.content.model import qualify
from wizard.walk.plan import WEEKDAYS, build_plan, days_for

START = date(2026, 11, 27)


def _bundled():
    return loader.collect([]).library


LIBRARY = _bundled()


def _walks():
    for tree in LIBRARY.trees.values():
        for scenario in tree.scenarios:
            given = {qualify(tree.id, k): v for k, v in scenario.given.items()}
            session = _walk(LIBRARY, tree.id, given, scenario.unlisted, ScenarioResult(tree.id, scenario))
            if session is not None and session.status != "emergency":
                yield pytest.param(session, id=f"{tree.id}: {scenario.name[:60]}")


WALKS = list(_walks())


def test_the_bundled_catalogue_declares_the_plan_rules():
    rules = LIBRARY.plan
    assert rules is not None and rules.exercises == (4, 6) and rules.minutes == (20, 30)
    assert len(WALKS) > 40


@pytest.mark.parametrize("stage", [1, 2, 3])
@pytest.mark.parametrize("session", WALKS)
def test_every_bundled_plan_is_short_staged_and_consistent(session, stage):
    result = session.result()
    plan = build_plan(LIBRARY, result, starts=START, stage=stage)
    chosen = [i.exercise for i in plan.routine]
    if chosen:
        assert len({e.id for e in chosen}) == len(chosen), [e.id for e in chosen]  # no exercise twice
        assert 4 <= len(chosen) <= 6, [e.id for e in chosen]
        assert 20 <= plan.minutes <= 30, (plan.minutes, [e.id for e in chosen])
    assert all(e.stage <= stage for e in (*chosen, *(i.exercise for i in plan.items)))
    for exercise in chosen:
        assert all(LIBRARY.exercises[a].stage < exercise.stage for a in exercise.after), exercise.id
    ruled_out = {e for advice in plan.advice for e in advice.excludes}
    assert not ruled_out & {i.exercise.id for i in plan.items}
    assert plan.get_help_by > plan.retest_on > plan.starts == START


@pytest.mark.parametrize("session", WALKS)
def test_the_first_plan_comes_from_the_walks_findings_first(session):
    """Where a finding has stage-1 exercises of its own, the first plan includes one of them."""
    result = session.result()
    plan = build_plan(LIBRARY, result, starts=START)
    picked = {i.exercise.id for i in plan.routine}
    for found in result.findings[:1]:
        own = {e.id for e in LIBRARY.exercises.values() if found.finding.id in e.serves and e.stage == 1
               and e.in_routine}
        ruled_out = {e for advice in plan.advice for e in advice.excludes}
        if own - ruled_out and picked:
            assert picked & own, (found.finding.id, picked)


def test_advice_that_forbids_an_exercise_keeps_it_out_of_the_plan():
    """The sit-bone tendon advice says no stretching: the buttock stretch must not come with it."""
    stretch = LIBRARY.exercises["buttock-stretch"]
    advice = [a for a in LIBRARY.advice.values() if stretch.id in a.excludes]
    assert advice, "some advice excludes the buttock stretch"
    for session in (p.values[0] for p in WALKS):
        plan = build_plan(LIBRARY, session.result(), starts=START)
        if set(advice) & set(plan.advice):
            assert stretch.id not in {i.exercise.id for i in plan.items}


@pytest.mark.parametrize("frequency, days", [
    ("daily", WEEKDAYS), ("3 times a week", ("Mon", "Wed", "Fri")), ("2 to 3 times a week", ("Tue", "Fri")),
    ("every night", WEEKDAYS), ("when needed", WEEKDAYS), (None, WEEKDAYS), ("once a week", ("Wed",)),
])
def test_the_week_respects_each_exercises_frequency(frequency, days):
    assert days_for(frequency) == days


def test_stage_two_brings_in_the_progressions_and_keeps_the_size():
    session = next(p.values[0] for p in WALKS
                   if "gluteal-tendinopathy" in {f.finding.id for f in p.values[0].result().findings})
    first = build_plan(LIBRARY, session.result(), starts=START, stage=1)
    second = build_plan(LIBRARY, session.result(), starts=START, stage=2)
    assert {i.exercise.stage for i in first.routine} == {1}
    assert 2 in {i.exercise.stage for i in second.routine}
    assert "side-bend-stretch" not in {i.exercise.id for i in second.items}  # no stretching the sore outer hip


SIDE_TREE = """\
id: side-probe
title: Which side
version: "1"
start: side
nodes:
  side:
    kind: question
    style: single
    sets: side
    text: Which hip is sore?
    why: The plan names it.
    options:
      - {value: left, label: Left}
      - {value: right, label: Right}
      - {value: both, label: Both}
    next: done
  done:
    kind: outcome
    title: Done
    findings: [gluteal-tendinopathy]
"""


def test_the_plan_names_the_sore_side_in_the_steps(tmp_path):
    (tmp_path / "side-probe.yaml").write_text(SIDE_TREE, encoding="utf-8")
    loaded = loader.collect([tmp_path])
    assert not loaded.errors, loaded.errors
    library = loaded.library
    session = __import__("wizard.walk.engine", fromlist=["Session"]).Session(library, "side-probe")
    session.answer("right")
    plan = build_plan(library, session.result(), starts=START, answers=session.path_answers)
    steps = " ".join(s for i in plan.items for s in i.exercise.steps)
    assert plan.side == "right" and "with the right leg nearest the wall" in steps and "{" not in steps
    unnamed = build_plan(library, session.result(), starts=START)
    assert "with the sore leg nearest the wall" in " ".join(s for i in unnamed.items for s in i.exercise.steps)


CAUTION_CATALOGUE = """\
catalogue: probe
cautions:
  probe-replacement:
    title: Hip replacement
    says: After a hip replacement this position can dislocate the hip.
    when: {answer: side-probe/replaced, is: true}
exercises:
  probe-deep-squat:
    name: Deep squat hold
    kind: strengthening
    target: thighs
    steps: [Squat as deep as you can.]
    dosage: {frequency: daily, text: "3 holds of 20 seconds"}
    minutes: 5
    stage: 1
    serves: [gluteal-tendinopathy]
    unsafe_with: [probe-replacement]
"""


def test_an_exercise_whose_caution_holds_is_left_out(tmp_path):
    tree = SIDE_TREE.replace("    next: done\n  done:", "    next: replaced\n  replaced:\n    kind: question\n"
                             "    style: yes_no\n    text: Replaced hip?\n    why: Safety.\n    next: done\n  done:")
    (tmp_path / "side-probe.yaml").write_text(tree, encoding="utf-8")
    (tmp_path / "probe-catalogue.yaml").write_text(CAUTION_CATALOGUE, encoding="utf-8")
    loaded = loader.collect([tmp_path])
    assert not loaded.errors, loaded.errors
    from wizard.walk.engine import Session
    plans = {}
    for replaced in (False, True):
        session = Session(loaded.library, "side-probe")
        session.answer("left")
        session.answer(replaced)
        plan = build_plan(loaded.library, session.result(), starts=START, answers=session.path_answers)
        plans[replaced] = {i.exercise.id for i in plan.items}
    assert "probe-deep-squat" in plans[False] and "probe-deep-squat" not in plans[True]


@pytest.mark.parametrize("session", WALKS)
def test_no_bundled_plan_offers_an_exercise_or_advice_its_cautions_rule_out(session):
    """QA found the seated hip turn (the dislocation position) in a replaced hip's plan, and "pain up to 5/10
    during exercise is fine" beside a possible hip fracture: nothing whose caution holds may reach the plan."""
    from wizard.walk.cautions import offered
    answers = session.path_answers
    plan = build_plan(LIBRARY, session.result(), starts=START, answers=answers)
    unsafe = [i.exercise.id for i in plan.items if not offered(LIBRARY, i.exercise.unsafe_with, answers)]
    unsafe += [a.id for a in plan.advice if not offered(LIBRARY, a.unsafe_with, answers)]
    unsafe += [a.id for a in session.result().advice if not offered(LIBRARY, a.unsafe_with, answers)]
    assert unsafe == []


def _story(given: dict):
    record = ScenarioResult("full-check", None)
    session = _walk(LIBRARY, "full-check", given, "negative", record)
    assert session is not None, record.failures
    return session, build_plan(LIBRARY, session.result(), starts=START, answers=session.path_answers)


def test_a_faller_with_thin_bones_gets_relief_only_and_no_loading_advice():
    session, plan = _story({"red-flags/about": "self", "red-flags/age": 66, "hip-operations/hip-op": "none",
                            "full-check/where": ["groin"],
                            "full-check/side": "right", "warning-signs/signs": ["fall"],
                            "warning-signs/risks": ["osteoporosis"], "measures/pain": 5, "measures/walking": 80})
    assert plan.routine == ()
    assert {i.exercise.kind for i in plan.items} <= {"relief"}
    advice = {a.id for a in (*plan.advice, *session.result().advice)}
    assert not advice & {"pain-guide", "shoes-choice", "stay-active", "flare-plan"}
    assert "full-check/plan" not in [o.qid for o in session.result().outcomes]


def test_a_replaced_hip_never_gets_the_seated_hip_turn():
    session, plan = _story({"red-flags/about": "self", "red-flags/age": 72, "hip-operations/hip-op": "replacement",
                            "hip-operations/op-when": "years", "full-check/where": ["groin"],
                            "full-check/side": "right", "measures/pain": 4, "measures/walking": 80,
                            "measures/stance-left": 14, "measures/stance-right": 12, "measures/chair-stand": 12,
                            "front-of-hip/activity-pain": True, "front-of-hip/socks": True})
    ids = {i.exercise.id for i in plan.items} | {e.id for e in session.result().exercises}
    assert "hip-oa" in {f.finding.id for f in session.result().findings}
    assert not ids & {"seated-hip-rotation", "ninety-ninety-switch", "buttock-stretch", "sitting-forward-bend"}


def test_a_suspected_clot_ends_the_check_with_no_tests_and_no_exercise_advice():
    """QA: with a swollen calf (scan within 4 hours) the walk went on to 33 steps of tests and "stay active"."""
    session, plan = _story({"red-flags/about": "self", "red-flags/age": 64, "hip-operations/hip-op": "none",
                            "full-check/where": ["thigh"], "full-check/side": "right", "warning-signs/more": ["calf"]})
    assert session.status == "finished" and not any(q.startswith("measures/") for q in session.walk.steps)
    advice = {a.id for a in (*plan.advice, *session.result().advice)}
    assert not advice & {"pain-guide", "stay-active", "flare-plan"} and plan.routine == ()
