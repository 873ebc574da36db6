"""`check` says how long each entry tree's walks are, and holds them to the author's step budget."""

from __future__ import annotations

from wizard.authoring import lint

from .conftest import entry, measure, outcome, screen, yes_no


def _stories() -> list[dict]:
    calm = {"screen/op": "none", "screen/fall": False}
    return [
        {"name": "Short", "given": {**calm, "a": False}, "expect": {"urgency": "self_care"}},
        {"name": "Long", "given": {**calm, "a": True, "b": 1, "c": 2}, "expect": {"urgency": "self_care"}},
        {"name": "Longer", "given": {**calm, "a": True, "b": 8, "c": 2}, "expect": {"urgency": "self_care"}},
        {"name": "Emergency", "given": {**calm, "a": True, "b": 9, "c": 9}, "expect": {"urgency": "emergency"}},
    ]


def _tree(**extra) -> dict:
    nodes = {"a": yes_no("More?", if_yes="b", if_no="end"), "b": measure(next="c"),
             "c": measure(next="end", branches=[{"if": {"answer": "c", "at_least": 9}, "next": "call"}]),
             "call": outcome("Call", "emergency"), "end": outcome()}
    return {**entry(nodes), "scenarios": _stories(), **extra}


def test_check_reports_min_median_max_split_by_emergency(build):
    report = lint.run_checks(build(screen(), _tree()))
    assert report.steps["walk"] == {"other": {"scenarios": 3, "min": 3, "median": 5, "max": 5},
                                    "emergency": {"scenarios": 1, "min": 5, "median": 5, "max": 5}}
    text = lint.report_text(report)
    assert "answered steps in walk, non-emergency (3 scenarios): min 3 / median 5 / max 5" in text
    assert "answered steps in walk, emergency (1 scenarios): min 5 / median 5 / max 5" in text
    assert lint.report_json(report)["steps"]["walk"]["other"]["median"] == 5
    assert [r["steps"] for r in lint.report_json(report)["scenarios"]["results"]] == [3, 5, 5, 5]


def test_going_over_the_step_budget_is_an_error(build):
    report = lint.run_checks(build(screen(), _tree(step_budget={"median": 4, "max": 5, "emergency": 4})))
    messages = [p.message for p in report.errors if p.code == "step-budget"]
    assert sorted(messages) == [
        "step budget: the longest emergency scenario takes 5 answered steps; `emergency` allows 4",
        "step budget: the median of the non-emergency scenarios takes 5 answered steps; `median` allows 4"]


def test_within_budget_is_quiet(build):
    report = lint.run_checks(build(screen(), _tree(step_budget={"median": 5, "max": 5, "emergency": 5})))
    assert [p for p in report.problems if p.code == "step-budget"] == []
