"""Red-flag checklists: one tick box per warning sign, each option with its own level, proved like yes answers."""

from __future__ import annotations

import pytest

from wizard.authoring import lint
from wizard.errors import AnswerError
from wizard.walk.engine import Session

from .conftest import outcome, screen, tree

SIGNS = {"kind": "question", "style": "multi", "text": "Tick any of these you have", "why": "Warning signs.",
         "options": [{"value": "fever", "label": "A fever", "red_flag": "emergency"},
                     {"value": "night", "label": "Pain every night", "red_flag": "urgent"},
                     {"value": "stiff", "label": "Stiff in the morning"},
                     {"value": "none", "label": "None of these", "exclusive": True}],
         "branches": [{"if": {"answer": "signs", "in": ["fever"]}, "next": "emergency"},
                      {"if": {"any": [{"answer": "signs", "is": "night"}, {"answer": "signs", "is": "stiff"}]},
                       "next": "urgent"}],
         "next": "fine"}


def checklist(signs: dict = SIGNS) -> dict:
    return tree("list", {"signs": signs, "emergency": outcome("Call 999", "emergency"),
                         "urgent": outcome("Doctor today", "urgent"), "fine": outcome("Self-care")})


def _red_flag_problems(build, tree_: dict) -> list[str]:
    return [p.message for p in lint.run_checks(build(screen(), tree_)).problems if p.code == "red-flag"]


def test_a_well_routed_checklist_passes_the_proof(build):
    assert _red_flag_problems(build, checklist()) == []


def test_the_proof_catches_a_ticked_sign_that_can_end_below_its_level(build):
    signs = {**SIGNS, "branches": [SIGNS["branches"][0],
                                   {"if": {"all": [{"answer": "signs", "is": "night"}, {"answer": "signs", "is": "stiff"}]},
                                    "next": "urgent"}]}
    [message] = _red_flag_problems(build, checklist(signs))
    assert message.startswith("red flag (urgent) on option 'night'")
    assert "self_care" in message


def test_two_ticks_reach_the_most_urgent_level(build):
    session = Session(build(screen(), checklist()).library, "list")
    session.answer(["night", "fever"])
    assert session.result().urgency == "emergency"
    other = Session(build(screen(), checklist()).library, "list")
    other.answer(["stiff", "night"])
    assert other.result().urgency == "urgent"


def test_none_of_these_cannot_be_ticked_with_a_sign(build):
    session = Session(build(screen(), checklist()).library, "list")
    with pytest.raises(AnswerError, match="None of these"):
        session.answer(["none", "fever"])
    session.answer(["none"])
    assert session.result().urgency == "self_care"


def test_red_flag_on_a_single_choice_option_is_a_load_error(build):
    signs = {**SIGNS, "style": "single", "branches": [], "options": [
        {"value": "fever", "label": "Fever", "red_flag": "emergency", "next": "emergency"},
        {"value": "none", "label": "None", "next": "fine"}]}
    [problem] = build(screen(), checklist(signs)).errors
    assert "only in multi-choice" in problem.message


def test_at_least_one_refuses_an_empty_checklist_and_negative_scenarios_tick_none_of_these(build):
    strict = {**SIGNS, "at_least_one": True}
    session = Session(build(screen(), checklist(strict)).library, "list")
    with pytest.raises(AnswerError, match="tick at least one \\(or 'None of these'\\)"):
        session.answer([])
    story = {"name": "Nothing wrong", "given": {}, "unlisted": "negative", "expect": {"urgency": "self_care"}}
    report = lint.run_checks(build(screen(), {**checklist(strict), "scenarios": [story]}))
    assert [r.passed for r in report.scenarios] == [True]


def test_at_least_one_on_a_single_choice_question_is_a_load_error(build):
    signs = {**SIGNS, "style": "single", "branches": [], "at_least_one": True, "options": [
        {"value": "fever", "label": "Fever", "next": "emergency"}, {"value": "none", "label": "None", "next": "fine"}]}
    [problem] = build(screen(), checklist(signs)).errors
    assert "`at_least_one` works only in multi-choice" in problem.message
