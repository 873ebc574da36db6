"""Answer validation: what each node kind accepts, and the sentence a person reads when it does not fit."""

from __future__ import annotations

import dataclasses
import math

import pytest

from wizard.content.answers import check_answer, describe_answer, parse_number
from wizard.errors import AnswerError


@pytest.fixture
def node(examples):
    return lambda name: examples.node(name if "/" in name else f"example/{name}")


@pytest.mark.parametrize("name,value,stored", [
    ("example-screen/fever", True, True),
    ("example-screen/fever", False, False),
    ("where", "groin", "groin"),
    ("activities", [], []),
    ("activities", ["stairs", "sitting"], ["sitting", "stairs"]),   # kept in the tree's order
    ("activities", ["none"], ["none"]),
    ("stance", "could_not", "could_not"),
    ("stance", "unsure", "unsure"),
    ("pain", 0, 0),
    ("pain", 10, 10),
    ("pain", 4.0, 4),
    ("welcome", True, True),
])
def test_valid_answers_are_stored_as_json_values(node, name, value, stored):
    result = check_answer(node(name), value)
    assert result == stored and type(result) is type(stored)


@pytest.mark.parametrize("name,value,words", [
    ("example-screen/fever", "no", "yes or no"),
    ("example-screen/fever", 0, "yes or no"),
    ("example-screen/fever", None, "yes or no"),
    ("where", 1, "pick one of: outside, groin"),
    ("where", "Groin", "pick one of"),
    ("where", ["groin"], "pick one of"),
    ("activities", "sitting", "list of options"),
    ("activities", ["running"], "unknown option(s) running"),
    ("activities", ["sitting", "sitting"], "only once"),
    ("activities", ["none", "stairs"], "cannot be combined"),
    ("stance", "positive", "one of: left, right"),           # a sided test has no plain "positive"
    ("stance", ["left"], "one of"),
    ("pain", "5", "number from 0 to 10"),
    ("pain", True, "number from 0 to 10"),
    ("pain", 11, "number from 0 to 10"),
    ("pain", -1, "number from 0 to 10"),
    ("pain", 4.5, "whole number"),
    ("pain", math.nan, "number"),
    ("pain", math.inf, "number"),
    pytest.param("pain", 10**400, "number from 0 to 10", id="int-too-big-for-a-float"),
    pytest.param("pain", -10**400, "number from 0 to 10", id="int-too-small-for-a-float"),
    ("welcome", 1, "true once read"),
    ("tendon", True, "not something you answer"),
    ("screen", True, "not something you answer"),
])
def test_answers_that_do_not_fit_are_refused_with_a_sentence(node, name, value, words):
    with pytest.raises(AnswerError) as caught:
        check_answer(node(name), value)
    assert words in str(caught.value)


@pytest.mark.parametrize("text,number", [
    ("5", 5), (" 7 ", 7), ("2.5", 2.5), ("2,5", 2.5), ("5.0", 5.0), ("-1", -1), ("1e1", 10.0),
    ("", None), ("five", None), ("nan", None), ("inf", None),
])
def test_parse_number(text, number):
    result = parse_number(text)
    assert result == number and type(result) is type(number)


def test_describe_answer_uses_the_words_the_person_saw(node):
    assert describe_answer(node("example-screen/fever"), False) == "No"
    assert describe_answer(node("where"), "outside") == "On the outside of the hip"
    assert describe_answer(node("activities"), ["sitting", "stairs"]) == "Sitting for a long time; Climbing stairs"
    assert describe_answer(node("activities"), []) == "None of these"
    without_none = dataclasses.replace(node("activities"), options=tuple(
        option for option in node("activities").options if not option.exclusive))
    assert describe_answer(without_none, []) == "Nothing ticked"  # never an option the list did not offer
    assert describe_answer(node("stance"), "both") == "Positive on both sides"
