"""Each way a scenario can fail tells the author, in one sentence, what to change in the tree file.

The scenarios here are the example tree's first story ("runner with outer hip pain when standing on one
leg": self-care, the tendon outcome, the tendon finding) with one thing changed at a time.
"""

from __future__ import annotations

import pytest

from wizard.authoring.scenarios import run_scenario
from wizard.content.loader import load
from wizard.content.model import Scenario, Where

from .conftest import EXAMPLES

RUNNER = {"welcome": True, "example-screen/fever": False, "where": "outside", "stance": "left"}
EXPECT = {"urgency": "self_care", "outcomes": ["tendon"], "findings": ["example-tendon"]}


@pytest.fixture(scope="module")
def example():
    return load([EXAMPLES], bundled=False)


def failures(library, given=RUNNER, expect=EXPECT, unlisted="ask") -> list[str]:
    scenario = Scenario("story", dict(given), dict(expect), unlisted, Where("example.yaml", 1, 1))
    return run_scenario(library, library.trees["example"], scenario).failures


def test_the_unchanged_story_passes(example):
    assert failures(example) == []


def test_a_question_the_story_does_not_answer_is_named_with_its_kind(example):
    given = {k: v for k, v in RUNNER.items() if k != "where"}
    assert failures(example, given) == [
        "the walk asks 'example/where' (single question), which `given` does not answer"]


def test_a_left_out_measure_says_it_must_always_be_given(example):
    given = {"welcome": True, "example-screen/fever": False, "where": "groin", "activities": ["sitting"]}
    assert failures(example, given, {}, unlisted="negative") == [
        "the walk asks 'example/pain' (a measure: always give it), which `given` does not answer"]


def test_an_answer_that_does_not_fit_its_question_says_why(example):
    assert failures(example, {**RUNNER, "where": "knee"}) == [
        "answer for 'example/where' does not fit: pick one of: outside, groin"]


def test_answers_to_questions_the_walk_never_asks_are_listed(example):
    assert failures(example, {**RUNNER, "pain": 3}) == [
        "`given` answers questions this walk never asks: example/pain"]


def test_a_wrong_urgency_says_what_was_expected_and_what_came(example):
    assert failures(example, expect={**EXPECT, "urgency": "urgent"}) == ["expected urgency urgent, got self_care"]


def test_an_outcome_not_reached_lists_what_was_reached(example):
    assert failures(example, expect={**EXPECT, "outcomes": ["settled"]}) == [
        "expected to reach outcome 'settled'; reached: example-screen/clear, example/tendon"]


def test_different_findings_show_both_sets(example):
    assert failures(example, expect={**EXPECT, "findings": []}) == [
        "expected findings [], got ['example-tendon']"]


def test_a_finding_that_must_not_appear_is_named(example):
    assert failures(example, expect={**EXPECT, "not_findings": ["example-tendon"]}) == [
        "findings that must not appear did: example-tendon"]
