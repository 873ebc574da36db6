"""The walk as a person lives it: answer, back, edit, progress, emergencies and the result with its reasons."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wizard.walk.engine import Session
from wizard.errors import AnswerError, StateError

from .conftest import measure, multi, outcome, self_test, single, tree, write, yes_no

RUNNER = {"example/welcome": True, "example-screen/fever": False, "example/where": "outside", "example/stance": "left"}


def walk(session: Session, *values) -> Session:
    for value in values:
        session.answer(value)
    return session


def at(session: Session) -> str | None:
    return session.current.qid if session.current else None


def test_walk_starts_at_the_entry_node_and_hands_over_and_back(examples):
    session = Session(examples, "example")
    assert at(session) == "example/welcome"
    assert at(walk(session, True)) == "example-screen/fever"
    assert at(walk(session, False)) == "example/where"
    assert [n.qid for n in session.steps] == ["example/welcome", "example-screen/fever"]


def test_single_choice_option_leads_on(examples):
    assert at(walk(Session(examples, "example"), True, False, "groin")) == "example/activities"
    assert at(walk(Session(examples, "example"), True, False, "outside")) == "example/stance"


def test_branch_on_a_positive_test_and_on_a_measure(examples):
    tendon = walk(Session(examples, "example"), True, False, "outside", "right")
    assert tendon.finished and [o.qid for o in tendon.result().outcomes][-1] == "example/tendon"
    high = walk(Session(examples, "example"), True, False, "groin", [], 8)
    assert high.result().urgency == "routine"
    low = walk(Session(examples, "example"), True, False, "groin", [], 7)
    assert low.result().urgency == "self_care"


def test_emergency_ends_the_whole_walk_at_once(examples):
    session = walk(Session(examples, "example"), True, True)
    assert session.status == "emergency" and session.finished and session.current is None
    result = session.result()
    assert result.urgency == "emergency" and result.referral.action.startswith("Call emergency services")
    with pytest.raises(AnswerError, match="ended"):
        session.answer("groin")
    assert session.progress.remaining == 0


def test_answer_is_type_strict_and_a_refused_answer_changes_nothing(examples):
    session = walk(Session(examples, "example"), True)
    for wrong in ("no", 0, None, "false"):
        with pytest.raises(AnswerError):
            session.answer(wrong)
    assert at(session) == "example-screen/fever" and len(session.steps) == 1
    walk(session, False)
    with pytest.raises(AnswerError):
        session.answer(1)
    assert at(session) == "example/where"


def test_back_undoes_the_last_answer_and_remembers_it(examples):
    session = walk(Session(examples, "example"), True, False, "groin")
    assert session.back() is True
    assert at(session) == "example/where"
    assert session.previous_answer("example/where") == "groin"
    assert session.back() and session.back()
    assert at(session) == "example/welcome"
    assert session.back() is False
    walk(session, True)
    assert session.previous_answer("example-screen/fever") is False  # still pre-filled after going forward


def test_back_from_a_finished_walk_reopens_the_last_step(examples):
    session = walk(Session(examples, "example"), True, True)
    assert session.back() and session.status == "in_progress" and at(session) == "example-screen/fever"


def test_edit_reroutes_and_keeps_later_answers_that_still_apply(examples):
    session = Session(examples, "example", dict(RUNNER))
    assert session.finished
    session.edit("example/where", "groin")
    assert at(session) == "example/activities"
    walk(session, ["sitting"], 3)
    session.edit("example/where", "outside")
    assert session.finished and session.result().outcomes[-1].qid == "example/tendon"
    assert "example/pain" not in session.path_answers            # off the path: does not count
    session.edit("example/stance", "neither")                   # back onto pain: the 3 counts again
    assert session.finished and session.path_answers["example/pain"] == 3


def test_edit_refuses_nodes_off_the_path_and_wrong_values(examples):
    session = walk(Session(examples, "example"), True, False, "groin")
    with pytest.raises(AnswerError, match="not on this walk"):
        session.edit("example/stance", "left")
    with pytest.raises(AnswerError):
        session.edit("example/where", "knee")
    assert session.answers["example/where"] == "groin"


def test_progress_counts_steps_done_and_the_longest_remaining_path(examples):
    session = Session(examples, "example")
    seen = [(session.progress.done, session.progress.remaining)]
    for value in (True, False, "groin", ["stairs"]):
        walk(session, value)
        seen.append((session.progress.done, session.progress.remaining))
    assert seen == [(0, 5), (1, 4), (2, 3), (3, 2), (4, 1)]
    walk(session, 2)
    assert session.progress.remaining == 0 and session.progress.fraction == 1.0


def test_result_findings_carry_the_answers_that_led_to_them(examples):
    result = Session(examples, "example", dict(RUNNER)).result()
    [finding] = result.findings
    assert finding.finding.id == "example-tendon"
    assert [(r.qid, r.answer_text) for r in finding.reasons] == [
        ("example/where", "On the outside of the hip"), ("example/stance", "Positive on the left")]
    assert [e.id for e in result.exercises] == ["example-isometric"]
    assert [a.id for a in result.advice] == ["example-sleep"]
    assert result.retests == ("Repeat the single-leg stance every 2 weeks.",)


def test_most_urgent_referral_wins(make_library):
    nodes = {"a": yes_no(if_yes="note", if_no="end"),
             "note": outcome("Worth a look", "urgent", next="end"),
             "end": outcome("Keep going", "self_care")}
    session = walk(Session(make_library(tree("t", nodes)), "t"), True)
    result = session.result()
    assert [o.qid for o in result.outcomes] == ["t/note", "t/end"]
    assert result.urgency == "urgent" and len(result.referrals) == 2


def test_ask_if_skips_a_node_and_branch_order_decides(make_library):
    nodes = {
        "pain": measure(next="sleep"),
        "sleep": yes_no(ask_if={"answer": "pain", "at_least": 5}, next="where"),
        "where": single(["front", "side"], branches=[
            {"if": {"answer": "sleep", "is": True}, "next": "night"},
            {"if": {"answer": "where", "is": "side"}, "next": "side"}], next="plain"),
        "night": outcome("Night pain", "routine"), "side": outcome("Side"), "plain": outcome("Plain"),
    }
    library = make_library(tree("t", nodes))
    assert at(walk(Session(library, "t"), 2)) == "t/where"                 # sleep skipped
    skipped = walk(Session(library, "t"), 2, "side")
    assert skipped.result().outcomes[-1].qid == "t/side"
    first_branch = walk(Session(library, "t"), 6, True, "side")             # first true branch wins
    assert first_branch.result().outcomes[-1].qid == "t/night"
    assert walk(Session(library, "t"), 6, False, "front").result().outcomes[-1].qid == "t/plain"


def test_multi_choice_branches_and_self_test_sides(make_library):
    nodes = {
        "where": multi(["groin", "side", "none"], branches=[{"if": {"answer": "where", "is": "groin"}, "next": "test"}],
                       next="end"),
        "test": self_test(branches=[{"if": {"positive": "test", "side": "left"}, "next": "left"}], next="end"),
        "left": outcome("Left positive"), "end": outcome("End"),
    }
    library = make_library(tree("t", nodes))
    assert walk(Session(library, "t"), ["side"]).finished
    assert at(walk(Session(library, "t"), ["groin", "side"])) == "t/test"
    assert walk(Session(library, "t"), ["groin"], "both").result().outcomes[-1].qid == "t/left"
    assert walk(Session(library, "t"), ["groin"], "right").result().outcomes[-1].qid == "t/end"
    assert walk(Session(library, "t"), ["groin"], "could_not").result().outcomes[-1].qid == "t/end"


def test_unknown_tree_is_refused(examples):
    with pytest.raises(KeyError):
        Session(examples, "no-such-tree")


def test_a_cycle_is_a_clean_state_error_not_a_crash(make_library):
    """Cyclic trees load (check reports them); a walk into one must stop with an error the CLI shows plainly."""
    nodes = {"a": yes_no(if_yes="b", if_no="end"), "b": {"kind": "info", "text": "Again.", "next": "a"},
             "end": outcome()}
    session = walk(Session(make_library(tree("loop", nodes)), "loop"), True)
    session.answer(True)
    with pytest.raises(StateError, match="hip-wizard check"):
        _ = session.current


def test_play_on_a_cyclic_tree_prints_a_sentence_not_a_traceback(tmp_path):
    nodes = {"h": {"kind": "handover", "tree": "selfref", "next": "end"}, "end": outcome()}
    trees = write(tmp_path, "selfref.yaml", tree("selfref", nodes))
    answers = write(tmp_path, "answers.json", "{}")
    done = subprocess.run([sys.executable, "-m", "wizard", "play", "selfref", "--trees", str(trees),
                           "--answers", str(answers)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "cycle" in done.stderr


def test_answers_off_the_path_stop_counting_in_conditions(make_library):
    nodes = {"where": single(["front", "side"], options=[{"value": "front", "label": "Front", "next": "night"},
                                                         {"value": "side", "label": "Side", "next": "pain"}]),
             "night": yes_no(next="pain"),
             "pain": measure(ask_if={"answer": "night", "is": True}, next="end"),
             "end": outcome()}
    session = walk(Session(make_library(tree("t", nodes)), "t"), "front", True)
    assert at(session) == "t/pain"
    session.edit("t/where", "side")                       # "night" is still stored, but off the path
    assert session.finished and "t/night" in session.answers
    assert "t/night" not in session.path_answers
    session.edit("t/where", "front")                      # back on the path: it counts again
    assert at(session) == "t/pain"


def test_findings_inside_a_handover_carry_the_answers_that_opened_it(make_library):
    sub = tree("sub", {"test": self_test(branches=[{"if": {"positive": "test"}, "next": "found"}], next="clear"),
                       "found": outcome("Found", findings=["example-tendon"]), "clear": outcome("Clear")})
    main = tree("main", {"side": yes_no(next="go"),
                         "go": {"kind": "handover", "tree": "sub", "ask_if": {"answer": "side", "is": True},
                                "next": "end"},
                         "end": outcome("End", None)})
    library = make_library(sub, main)
    session = walk(Session(library, "main"), True, "right")
    [finding] = session.result().findings
    assert [r.qid for r in finding.reasons] == ["main/side", "sub/test"]
    assert [r.answer_text for r in finding.reasons] == ["Yes", "Positive on the right"]
    skipped = walk(Session(library, "main"), False)
    assert skipped.finished and skipped.result().findings == ()


def test_a_tree_handed_over_to_twice_is_asked_once(make_library):
    """Documented in docs/authoring.md: answers are keyed by qualified id, so the second visit reuses them."""
    shared = tree("shared", {"q": yes_no(next="end"), "end": outcome("Shared", None)})
    main = tree("main", {"first": {"kind": "handover", "tree": "shared", "next": "mid"},
                         "mid": {"kind": "info", "text": "Between.", "next": "second"},
                         "second": {"kind": "handover", "tree": "shared", "next": "end"},
                         "end": outcome("End", None)})
    session = walk(Session(make_library(shared, main), "main"), True, True)
    assert session.finished
    assert session.answers == {"shared/q": True, "main/mid": True}


def test_a_tree_handed_over_to_twice_counts_its_steps_and_outcomes_once(make_library):
    shared = tree("shared", {"q": yes_no(next="end"), "end": outcome("Shared", None)})
    main = tree("main", {"first": {"kind": "handover", "tree": "shared", "next": "mid"},
                         "mid": {"kind": "info", "text": "Between.", "next": "second"},
                         "second": {"kind": "handover", "tree": "shared", "next": "end"},
                         "end": outcome("End", None)})
    session = walk(Session(make_library(shared, main), "main"), True, True)
    assert [n.qid for n in session.steps] == ["shared/q", "main/mid"]
    assert session.progress.done == 2
    assert [o.qid for o in session.result().outcomes] == ["shared/end", "main/end"]


def test_because_you_said_cites_only_the_answers_that_made_the_branch_hold(make_library):
    """A cluster branch (`any`) taken on the stance test cites the stance test, not the "no" to tiredness."""
    main = tree("main", {
        "stance": self_test(next="tired"),
        "pain": measure(next="tired"),
        "tired": yes_no("Tire quickly?", next="fine",
                        branches=[{"if": {"any": [{"positive": "stance"}, {"answer": "pain", "at_least": 8},
                                                  {"answer": "tired", "is": True}]}, "next": "weak"}]),
        "weak": outcome("Weak", findings=["example-tendon"]),
        "fine": outcome("Fine"),
    })
    session = walk(Session(make_library(main), "main"), "left", False)
    assert session.finished
    [finding] = session.result().findings
    assert [r.qid for r in finding.reasons] == ["main/stance"]
