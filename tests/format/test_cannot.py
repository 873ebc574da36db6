"""A measure's "I could not try it" is its own answer: never a number, never weakness, read back as its label."""

from __future__ import annotations

import pytest

from wizard.content.answers import describe_answer, parse_measure
from wizard.errors import AnswerError
from wizard.plain import PARSERS
from wizard.walk.engine import Session

from .conftest import measure, outcome, screen, tree

STANCE = measure(text="Seconds on the {side leg}", unit="seconds", min=0, max=60, cannot_do="I could not try it",
                 next="fine", branches=[{"if": {"answer": "stance", "at_most": 10}, "next": "weak"},
                                        {"if": {"answer": "stance", "is": "cannot"}, "next": "untried"}])


def _library(build, stance=STANCE):
    return build(screen(), tree("balance", {"stance": stance, "weak": outcome("Weak balance"),
                                            "untried": outcome("Not tried", urgency=None), "fine": outcome("Fine")}))


def test_cannot_is_not_weakness_and_conditions_can_test_it(build):
    session = Session(_library(build).library, "balance")
    session.answer("cannot")
    assert [o.title for o in session.result().outcomes] == ["Not tried"]
    weak = Session(_library(build).library, "balance")
    weak.answer(4)
    assert [o.title for o in weak.result().outcomes] == ["Weak balance"]


def test_cannot_reads_back_as_its_label_and_stays_out_of_the_measures_table(build):
    from wizard.report.summary import build_summary
    session = Session(_library(build).library, "balance")
    session.answer("cannot")
    assert describe_answer(session.steps[0], "cannot") == "I could not try it"
    summary = build_summary(session)
    assert summary.measures == ()
    assert summary.answers[0].label == "I could not try it"


def test_typed_c_means_cannot_only_where_the_measure_offers_it(build):
    library = _library(build).library
    node = library.node("balance/stance")
    assert parse_measure(node, " C ") == "cannot" and PARSERS[type(node)](node, "c") == "cannot"
    assert parse_measure(node, "12") == 12
    library2 = _library(build, measure(next="fine")).library
    without = library2.node("balance/stance")
    assert parse_measure(without, "c") is None
    with pytest.raises(AnswerError):
        Session(library2, "balance").answer("cannot")


def test_is_on_a_measure_tests_only_cannot(build):
    odd = {**STANCE, "branches": [{"if": {"answer": "stance", "is": "ten"}, "next": "weak"}]}
    [problem] = _library(build, odd).errors
    assert "is / in work only for `cannot`" in problem.message
