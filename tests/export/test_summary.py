"""What a summary holds: the facts a clinician needs, taken from the walk and nothing invented."""

from __future__ import annotations

from datetime import datetime

import pytest

import wizard
from wizard.walk.engine import Session
from wizard.content.model import URGENCY_WORDS
from wizard.report.summary import DISCLAIMER, build_summary

from .conftest import WHEN, session_for, summary_for


@pytest.mark.parametrize(("walk", "status"), [("finished", "finished"), ("emergency", "emergency"),
                                              ("unfinished", "unfinished"), ("measured", "finished")])
def test_status_follows_how_the_walk_ended(library, walk, status):
    assert summary_for(library, walk).status == status


def test_every_answer_on_the_path_is_listed_with_question_and_label(library):
    """The welcome step was read, not answered: it is not in the answers (it once printed its whole text)."""
    summary = summary_for(library, "finished")
    assert [(a.qid, a.label) for a in summary.answers] == [
        ("example-screen/fever", "No"), ("example/where", "On the outside of the hip"),
        ("example/stance", "Positive on the left")]
    where = summary.answers[1]
    assert (where.title, where.text) == ("Where it hurts", "Where do you feel the pain most?")


def test_sided_self_test_is_reported_per_side(library):
    stance = summary_for(library, "finished").answers[2]
    assert [(s.side, s.result) for s in stance.sides] == [("left", "positive"), ("right", "negative")]


def test_answers_off_the_path_are_left_out(library):
    answers = {**session_for(library, "finished").answers, "example/pain": 4}
    summary = build_summary(Session(library, "example", answers), when=WHEN)
    assert "example/pain" not in [a.qid for a in summary.answers]


def test_measures_carry_their_units(library):
    (pain,) = summary_for(library, "measured").measures
    assert (pain.title, pain.value, pain.unit, pain.min, pain.max) == ("Pain today", 9, "/10", 0, 10)


def test_findings_list_the_answers_that_led_to_them(library):
    (finding,) = summary_for(library, "finished").findings
    assert finding.id == "example-tendon"
    assert [(r.qid, r.answer) for r in finding.reasons] == [
        ("example/where", "On the outside of the hip"), ("example/stance", "Positive on the left")]


def test_referral_has_urgency_words_and_reason(library):
    referral = summary_for(library, "emergency").referral
    assert referral.urgency == "emergency"
    assert referral.words == URGENCY_WORDS["emergency"]
    assert "infected joint" in referral.reason


def test_emergency_stop_carries_no_plan(library):
    summary = summary_for(library, "emergency")
    assert (summary.exercises, summary.advice, summary.routine.steps) == ((), (), ())


def test_plan_and_daily_routine_with_total_minutes(library):
    summary = summary_for(library, "finished")
    assert [(e.name, e.dosage, e.minutes) for e in summary.exercises] == [
        ("Standing hip-out press (example)", "5 holds of 30 seconds, once a day", 4)]
    assert [a.id for a in summary.advice] == ["example-sleep"]
    assert summary.routine.total_minutes == 4
    assert summary.retests == ("Repeat the single-leg stance every 2 weeks.",)


def test_unfinished_summary_says_where_it_stopped(library):
    summary = summary_for(library, "unfinished")
    assert summary.waiting_at == "Pain today"
    assert summary.referral is None


def test_trees_carry_version_and_content_hash(library):
    trees = {t.id: t for t in summary_for(library, "finished").trees}
    assert set(trees) == {"example", "example-screen"}
    assert trees["example"].hash == library.trees["example"].content_hash
    assert trees["example"].version == "1.0.0"


def test_date_version_and_disclaimer(library):
    summary = build_summary(session_for(library, "finished"))
    assert summary.app_version == wizard.__version__
    assert summary.created.tzinfo is not None
    assert abs((datetime.now().astimezone() - summary.created).total_seconds()) < 60
    assert summary.disclaimer == DISCLAIMER


def test_naive_time_is_taken_as_local_time(library):
    summary = build_summary(session_for(library, "finished"), when=datetime(2026, 1, 2, 3, 4))
    assert summary.created.tzinfo is not None
    assert (summary.created.hour, summary.created.minute) == (3, 4)
