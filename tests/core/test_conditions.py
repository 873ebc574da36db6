"""Conditions are type-strict data, evaluated without any expression language."""

from __future__ import annotations

import pytest

from wizard.content import conditions as c


def parse(raw: dict):
    return c.parse_condition(raw, "t")


@pytest.mark.parametrize("raw,answers,expected", [
    ({"answer": "q", "is": True}, {"t/q": True}, True),
    ({"answer": "q", "is": False}, {"t/q": "no"}, False),          # "no" is not False
    ({"answer": "q", "is": False}, {"t/q": 0}, False),             # 0 is not False
    ({"answer": "q", "is": True}, {"t/q": 1}, False),              # 1 is not True
    ({"answer": "q", "is": 1}, {"t/q": "1"}, False),               # "1" is not 1
    ({"answer": "q", "is": "1"}, {"t/q": 1}, False),
    ({"answer": "q", "is": 1}, {"t/q": True}, False),
    ({"answer": "q", "is": False}, {}, False),                     # unanswered is not False
    ({"answer": "q", "is": "a"}, {"t/q": ["b", "a"]}, True),       # multi: picked
    ({"answer": "q", "is": "c"}, {"t/q": ["b", "a"]}, False),
    ({"answer": "q", "in": ["x", "a"]}, {"t/q": "a"}, True),
    ({"answer": "q", "in": ["x", "y"]}, {"t/q": "a"}, False),
    ({"answer": "q", "in": [1, 2]}, {"t/q": "1"}, False),
    ({"answer": "q", "in": ["x", "a"]}, {"t/q": ["a"]}, True),
    ({"answer": "m", "at_least": 5}, {"t/m": 5}, True),
    ({"answer": "m", "at_least": 5}, {"t/m": 4.9}, False),
    ({"answer": "m", "at_least": 1}, {"t/m": True}, False),        # a boolean is not a number
    ({"answer": "m", "at_least": 5}, {"t/m": "9"}, False),
    ({"answer": "m", "at_most": 5}, {"t/m": 5}, True),
    ({"answer": "m", "at_most": 5}, {}, False),
    ({"answer": "q", "answered": True}, {"t/q": False}, True),
    ({"answer": "q", "answered": False}, {"t/q": False}, False),
    ({"answer": "q", "answered": False}, {}, True),
    ({"answer": "other/q", "is": True}, {"other/q": True}, True),  # qualified refs stay as written
])
def test_answer_forms(raw, answers, expected):
    assert parse(raw).evaluate(answers) is expected


@pytest.mark.parametrize("side,result,expected", [
    ("any", "left", True), ("any", "neither", False), ("any", "could_not", False), ("any", "unsure", False),
    ("left", "left", True), ("left", "both", True), ("left", "right", False),
    ("right", "right", True), ("right", "both", True), ("right", "left", False),
    ("both", "both", True), ("both", "left", False),
    ("any", "positive", True), ("any", "negative", False),
])
def test_positive_by_side(side, result, expected):
    assert parse({"positive": "st", "side": side}).evaluate({"t/st": result}) is expected


def test_positive_defaults_to_any_side():
    assert parse({"positive": "st"}).evaluate({"t/st": "right"}) is True


def test_combinators():
    yes, no = {"answer": "a", "is": True}, {"answer": "b", "is": True}
    answers = {"t/a": True, "t/b": False}
    assert parse({"all": [yes, no]}).evaluate(answers) is False
    assert parse({"any": [yes, no]}).evaluate(answers) is True
    assert parse({"not": no}).evaluate(answers) is True
    assert parse({"at_least": 2, "of": [yes, no, {"not": no}]}).evaluate(answers) is True
    assert parse({"at_least": 3, "of": [yes, no, {"not": no}]}).evaluate(answers) is False


def test_refs_collects_every_node_named_anywhere():
    raw = {"all": [{"answer": "a", "is": True}, {"not": {"positive": "b"}},
                   {"at_least": 1, "of": [{"answer": "x/c", "at_least": 2}]}]}
    assert c.refs(parse(raw)) == {"t/a", "t/b", "x/c"}


def test_no_eval_is_possible(monkeypatch):
    """A value that looks like code is only ever compared, never run."""
    monkeypatch.setattr("builtins.eval", lambda *a: pytest.fail("eval was called"))
    cond = parse({"answer": "q", "is": "__import__('os').system('true')"})
    assert cond.evaluate({"t/q": "something"}) is False
