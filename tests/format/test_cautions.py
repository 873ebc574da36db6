"""Cautions: a test that is unsafe for this person is never shown, the summary says why, and `check` proves
the caution is always decided before the test can come."""

from __future__ import annotations

from pathlib import Path

from wizard.authoring import lint
from wizard.walk.cautions import active_cautions
from wizard.walk.engine import Session

from .conftest import CAUTIONS, entry, measure, outcome, screen, self_test, single, tree, walk_tree, yes_no


def _session(build, *trees) -> Session:
    loaded = build(*trees)
    assert [str(p) for p in loaded.errors] == []
    return Session(loaded.library, "walk")


def test_after_a_replacement_fadir_is_skipped_and_the_summary_says_why(build):
    session = _session(build, screen(), walk_tree())
    session.answer("replacement")
    session.answer(False)
    assert session.current.qid == "walk/pain"
    session.answer(3)
    result = session.result()
    assert result.cautions == ("replaced",)
    [skipped] = result.not_offered
    assert skipped.qid == "walk/fadir"
    assert skipped.sentence == "FADIR was not offered: After a hip replacement this position can dislocate the hip."


def test_without_a_caution_fadir_is_offered(build):
    session = _session(build, screen(), walk_tree())
    session.answer("none")
    session.answer(False)
    assert session.current.qid == "walk/fadir"


def test_exercises_unsafe_with_an_active_caution_leave_the_plan(build):
    session = _session(build, screen(), walk_tree())
    for value in ("replacement", False, 2):
        session.answer(value)
    assert [e.id for e in session.result().exercises] == ["bridge"]
    other = _session(build, screen(), walk_tree())
    for value in ("none", False, "neither", 2):
        other.answer(value)
    assert [e.id for e in other.result().exercises] == ["deep-squat", "bridge"]
    assert other.result().cautions == ()


def test_active_cautions_are_listed_in_catalogue_order(build):
    library = build(screen(), walk_tree()).library
    both = {"screen/fall": True, "screen/op": "replacement"}
    assert active_cautions(library, both) == ("replaced", "fell")
    assert active_cautions(library, {"screen/fall": False}) == ()
    assert library.exercises["deep-squat"].unsafe_with == ("replaced",)


def test_unknown_caution_id_is_a_load_error_with_did_you_mean(build):
    loaded = build(screen(), walk_tree())
    fine = build(screen(), entry({"fadir": self_test(unsafe_with=["replacd"], next="end"), "end": outcome()}))
    assert loaded.errors == []
    [problem] = fine.errors
    assert "caution 'replacd'" in problem.message and "did you mean 'replaced'" in problem.message
    assert problem.line == _line_of(problem.file, '"unsafe_with"')


def test_a_caution_naming_a_question_without_its_tree_is_a_load_error(build):
    catalogue = {**CAUTIONS, "cautions": {"replaced": {**CAUTIONS["cautions"]["replaced"],
                                                      "when": {"answer": "op", "is": "replacement"}}}}
    [problem] = build(screen(), walk_tree(), catalogue=catalogue).errors
    assert "caution 'replaced'" in problem.message and "tree-id/node-id" in problem.message


def test_an_unsafe_question_needs_a_next(build):
    question = yes_no("Can you squat?", unsafe_with=["fell"], if_yes="end", if_no="end")
    [problem] = build(screen(), entry({"squat": question, "end": outcome()})).errors
    assert "`unsafe_with` needs a `next`" in problem.message


# --- the proof -------------------------------------------------------------------------------------------


def _line_of(path: str, text: str) -> int:
    """The 1-based line of the written file where `text` first appears."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def _order_problems(build, *trees, **catalogue) -> list:
    report = lint.run_checks(build(*trees, **catalogue))
    return [p for p in report.problems if p.code == "caution-order"]


def test_proof_passes_when_the_screen_comes_first(build):
    assert _order_problems(build, screen(), walk_tree()) == []


def test_proof_catches_a_test_placed_before_the_question(build):
    late = tree("late", {
        "screen": {"kind": "handover", "tree": "screen", "next": "fadir"},
        "fadir": self_test(title="FADIR", unsafe_with=["later"], next="op2"),
        "op2": yes_no("Have you had an operation on this hip?", next="end"), "end": outcome()},
        role="entry")
    catalogue = {**CAUTIONS, "cautions": {**CAUTIONS["cautions"], "later": {
        "title": "Operation", "says": "Not after an operation.", "when": {"answer": "late/op2", "is": True}}}}
    [problem] = _order_problems(build, screen(), late, catalogue=catalogue)
    assert "'late/op2'" in problem.message and "entry tree 'late'" in problem.message
    assert (problem.line, problem.node) == (_line_of(problem.file, '"unsafe_with"'), "fadir")
    assert problem.file.endswith("late.yaml")


def test_proof_catches_a_question_asked_on_one_branch_only(build):
    branchy = tree("branchy", {
        "screen": {"kind": "handover", "tree": "screen", "next": "where"},
        "where": single(["front", "back"], options=[{"value": "front", "label": "Front", "next": "op2"},
                                                   {"value": "back", "label": "Back", "next": "fadir"}]),
        "op2": yes_no("Operation?", next="fadir"),
        "fadir": self_test(unsafe_with=["later"], next="end"), "end": outcome()}, role="entry")
    catalogue = {**CAUTIONS, "cautions": {"later": {"title": "Op", "says": "Not after an operation.",
                                                   "when": {"answer": "branchy/op2", "is": True}}}}
    [problem] = _order_problems(build, screen(), branchy, catalogue=catalogue)
    assert "'branchy/op2'" in problem.message


def test_a_question_skipped_by_ask_if_still_counts_as_decided(build):
    gated = screen()
    gated["nodes"]["fall"]["ask_if"] = {"answer": "op", "is": "none"}
    assert _order_problems(build, gated, walk_tree(unsafe_with=["replaced", "fell"])) == []


def test_proof_sees_through_a_module_and_catches_a_screen_that_may_be_skipped(build):
    tests = tree("tests", {"fadir": self_test(unsafe_with=["replaced"], next="end"), "end": outcome(urgency=None)})
    calls = {"tests": {"kind": "handover", "tree": "tests", "next": "end"}, "end": outcome()}
    assert _order_problems(build, screen(), tests, entry(calls)) == []
    skippable = tree("walk", {
        "age": measure(next="screen"),
        "screen": {"kind": "handover", "tree": "screen", "next": "tests",
                   "ask_if": {"answer": "age", "at_least": 5}}, **calls}, role="entry")
    [problem] = _order_problems(build, screen(), tests, skippable)
    assert problem.node == "fadir" and "'screen/op'" in problem.message


def test_scenario_not_asked_fails_when_the_node_was_shown(build):
    story = {"name": "Replaced hip", "given": {"screen/op": "replacement", "screen/fall": False, "pain": 2},
             "expect": {"not_asked": ["walk/fadir"]}}
    wrong = {"name": "No operation", "given": {"screen/op": "none", "screen/fall": False, "fadir": "neither",
                                              "pain": 2}, "expect": {"not_asked": ["walk.fadir"]}}
    report = lint.run_checks(build(screen(), {**walk_tree(), "scenarios": [story, wrong]}))
    results = {r.scenario.name: r for r in report.scenarios}
    assert results["Replaced hip"].passed
    assert results["No operation"].failures == ["asked what it must not: walk.fadir"]


def test_scenario_not_asked_naming_a_missing_node_is_a_load_error(build):
    story = {"name": "Typo", "given": {}, "expect": {"not_asked": ["walk/fadri"]}}
    [problem] = build(screen(), {**walk_tree(), "scenarios": [story]}).errors
    assert "not_asked names 'walk/fadri'" in problem.message


def test_the_summary_says_which_test_was_not_offered_and_why(build):
    from wizard.report.markdown import render
    from wizard.report.summary import build_summary
    session = _session(build, screen(), walk_tree())
    for value in ("replacement", False, 2):
        session.answer(value)
    text = render(build_summary(session))
    assert "- FADIR was not offered: After a hip replacement this position can dislocate the hip." in text


def test_a_question_no_walk_from_this_entry_can_ask_counts_as_decided(build):
    """One caution may name the same question in two entry trees: each entry must ask its own first."""
    catalogue = {**CAUTIONS, "cautions": {"replaced": {
        "title": "Hip replacement", "says": "Not after a hip replacement.",
        "when": {"any": [{"answer": "screen/op", "is": "replacement"}, {"answer": "other/op2", "is": True}]}}}}
    other = tree("other", {"op2": yes_no("Replaced hip?", next="tests"),
                           "tests": {"kind": "handover", "tree": "tests", "next": "end"}, "end": outcome()},
                 role="entry")
    tests = tree("tests", {"fadir": self_test(unsafe_with=["replaced"], next="end"), "end": outcome(urgency=None)})
    calls = entry({"tests": {"kind": "handover", "tree": "tests", "next": "end"}, "end": outcome()})
    assert _order_problems(build, screen(), tests, calls, other, catalogue=catalogue) == []
    late = tree("other", {"tests": {"kind": "handover", "tree": "tests", "next": "op2"},
                          "op2": yes_no("Replaced hip?", next="end"), "end": outcome()}, role="entry")
    [problem] = _order_problems(build, screen(), tests, calls, late, catalogue=catalogue)
    assert "entry tree 'other'" in problem.message and "'other/op2'" in problem.message
