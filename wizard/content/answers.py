"""What counts as a valid answer to each node kind; shared by the engine, scenarios and every front end.

Answers are type-strict JSON values: yes/no is a boolean, a choice is the option's value, a multi choice is a
list of option values, a self-test is one result word, a measure is a number in range, an info node is
`true` once read. Front ends turn what a person typed into these values; nothing else is accepted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, cast

from wizard.errors import AnswerError
from wizard.content.model import RESULT_LABELS, Info, Measure, Node, Question, SelfTest
from wizard.wording import NOTHING_TICKED, number_range, with_unit


def check_answer(node: Node, value: object) -> object:
    """Return the answer as stored, or raise `AnswerError` with a sentence a person can act on."""
    checker = _CHECKERS.get(type(node))
    if checker is None:
        raise AnswerError(f"'{node.qid}' is not something you answer")
    return checker(node, value)


def _question(node: Question, value: object) -> object:
    if node.style == "yes_no":
        if not isinstance(value, bool):
            raise AnswerError("answer yes or no (true or false)")
        return value
    if node.style == "single":
        return _one_option(node, value)
    return _many_options(node, value)


def _one_option(node: Question, value: object) -> str:
    if not isinstance(value, str) or node.option(value) is None:
        raise AnswerError(f"pick one of: {', '.join(o.value for o in node.options)}")
    return value


def _many_options(node: Question, value: object) -> list:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AnswerError("pick a list of options (it may be empty)")
    unknown = [v for v in value if node.option(v) is None]
    if unknown:
        choices = ", ".join(o.value for o in node.options)
        raise AnswerError(f"unknown option(s) {', '.join(unknown)}; pick from: {choices}")
    if len(set(value)) != len(value):
        raise AnswerError("each option can be picked only once")
    if node.at_least_one and not value:
        alone = [o.label for o in node.options if o.exclusive]
        raise AnswerError("tick at least one" + (f" (or '{alone[0]}')" if alone else ""))
    options = {o.value: o for o in node.options}
    exclusive = [v for v in value if options[v].exclusive]
    if exclusive and len(value) > 1:
        raise AnswerError(f"'{options[exclusive[0]].label}' cannot be combined with other options")
    order = [o.value for o in node.options]
    return sorted(value, key=order.index)


def _self_test(node: SelfTest, value: object) -> str:
    if value not in node.results or not isinstance(value, str):
        raise AnswerError(f"give the result as one of: {', '.join(node.results)}")
    return value


CANNOT = "cannot"
CANNOT_KEYS = ("c", "cannot")


def _measure(node: Measure, value: object) -> int | float | str:
    if node.cannot_do and value == CANNOT:
        return CANNOT
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
        raise AnswerError(f"enter a number from {number_range(node.min, node.max, node.unit)}")
    if node.integer and value != int(value):
        raise AnswerError("enter a whole number")
    if not node.min <= value <= node.max:
        raise AnswerError(f"enter a number from {number_range(node.min, node.max, node.unit)}")
    return int(value) if node.integer else value


def _finite(value: int | float) -> bool:
    """Ints are always finite (and may be too big for `math.isfinite`); floats must not be inf or nan."""
    return isinstance(value, int) or math.isfinite(value)


def _info(node: Info, value: object) -> bool:
    if value is not True:
        raise AnswerError("an information step is answered with true once read")
    return True


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def parse_number(text: str) -> float | int | None:
    """A person's typed number to int/float, or None; commas as decimal points are accepted."""
    text = text.strip().replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number


def parse_measure(node: Measure, text: str) -> float | int | str | None:
    """What a person typed for a measure: a number, `cannot` (typed `c`) when it has `cannot_do`, or None."""
    if node.cannot_do and text.strip().lower() in CANNOT_KEYS:
        return CANNOT
    return parse_number(text)


def _nothing_ticked(node: Question) -> str:
    """An empty checklist in the list's own words ("None of these"), or plainly when it has no such option."""
    return next((o.label for o in node.options if o.exclusive), NOTHING_TICKED)


_CHECKERS: dict[type, Callable[[Any, object], object]] = {
    Question: _question, SelfTest: _self_test, Measure: _measure, Info: _info}


def describe_answer(node: Node, value: object) -> str:
    """An answer in the words the person saw, for summaries and "because you said"."""
    if isinstance(node, Question):
        if node.style == "yes_no":
            return "Yes" if value else "No"
        options = {o.value: o.label for o in node.options}
        picked = value if isinstance(value, list) else [value]
        labels = [options[v] for v in picked if isinstance(v, str) and v in options]
        return "; ".join(labels) if labels else _nothing_ticked(node)
    if isinstance(node, SelfTest):
        return RESULT_LABELS.get(str(value), str(value))
    if isinstance(node, Measure):
        if value == CANNOT and node.cannot_do:
            return node.cannot_do
        return with_unit(_num(cast(float, value)), node.unit)  # a number, once `cannot` is handled above
    return "Read"
