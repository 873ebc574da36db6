"""Declarative conditions over answers: parsed from mappings, checked at load, evaluated by the engine.

There is no expression language and nothing is ever evaluated as code. Each form is a frozen dataclass with
an `evaluate(answers)` method; `check_condition` proves at load time that every id exists and every value
has the type and spelling its node can actually produce, because a typo in a safety branch must not
silently evaluate to false.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, TypeGuard, cast

from wizard.lazy_dataclass import dataclass  # made on first use: see there why
from wizard.content.model import Condition, Library, Measure, Question, SelfTest, qualify
from wizard.content.suggest import did_you_mean


@dataclass(frozen=True)
class All:
    items: tuple[Condition, ...]

    def evaluate(self, answers: dict) -> bool:
        return all(item.evaluate(answers) for item in self.items)


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]

    def evaluate(self, answers: dict) -> bool:
        return any(item.evaluate(answers) for item in self.items)


@dataclass(frozen=True)
class Not:
    item: Condition

    def evaluate(self, answers: dict) -> bool:
        return not self.item.evaluate(answers)


@dataclass(frozen=True)
class AtLeastOf:
    count: int
    items: tuple[Condition, ...]

    def evaluate(self, answers: dict) -> bool:
        return sum(item.evaluate(answers) for item in self.items) >= self.count


def same(a: object, b: object) -> bool:
    """Type-strict equality: `True` is not `1`, `"1"` is not `1`."""
    return type(a) is type(b) and a == b


@dataclass(frozen=True)
class AnswerIs:
    ref: str
    value: object

    def evaluate(self, answers: dict) -> bool:
        return _answered_as(answers, self.ref, self.value)


@dataclass(frozen=True)
class AnswerIn:
    ref: str
    values: tuple

    def evaluate(self, answers: dict) -> bool:
        return any(_answered_as(answers, self.ref, v) for v in self.values)


def _answered_as(answers: dict, ref: str, value: object) -> bool:
    """`ref` was answered `value` (for a checklist: `value` is among the ticks). One rule for `is` and `in`;
    `in` once built an AnswerIs per value on every evaluation."""
    given = answers.get(ref)
    if isinstance(given, list):
        return any(same(v, value) for v in given)
    return ref in answers and same(given, value)


@dataclass(frozen=True)
class AnswerAtLeast:
    ref: str
    bound: float

    def evaluate(self, answers: dict) -> bool:
        given = answers.get(self.ref)
        return _is_number(given) and given >= self.bound


@dataclass(frozen=True)
class AnswerAtMost:
    ref: str
    bound: float

    def evaluate(self, answers: dict) -> bool:
        given = answers.get(self.ref)
        return _is_number(given) and given <= self.bound


@dataclass(frozen=True)
class Answered:
    ref: str
    flag: bool

    def evaluate(self, answers: dict) -> bool:
        return (self.ref in answers) == self.flag


POSITIVE_ON = {
    "left": {"left", "both", "positive"},
    "right": {"right", "both", "positive"},
    "both": {"both", "positive"},
    "any": {"left", "right", "both", "positive"},
}


@dataclass(frozen=True)
class Positive:
    ref: str
    side: str = "any"

    def evaluate(self, answers: dict) -> bool:
        return answers.get(self.ref) in POSITIVE_ON[self.side]


# The conditions that name one node (`ref`); the rest combine other conditions.
Leaf = AnswerIs | AnswerIn | AnswerAtLeast | AnswerAtMost | Answered | Positive


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --- parsing ---------------------------------------------------------------------------------------------

_ANSWER_FORMS: dict[str, Callable[[str, Any], Condition]] = {  # values already schema-checked
    "is": lambda ref, v: AnswerIs(ref, v),
    "in": lambda ref, v: AnswerIn(ref, tuple(v)),
    "at_least": lambda ref, v: AnswerAtLeast(ref, v),
    "at_most": lambda ref, v: AnswerAtMost(ref, v),
    "answered": lambda ref, v: Answered(ref, v),
}


def parse_condition(raw: dict, tree_id: str) -> Condition:
    """A schema-valid mapping to a condition object, with refs qualified by `tree_id`."""
    if "all" in raw:
        return All(tuple(parse_condition(c, tree_id) for c in raw["all"]))
    if "any" in raw:
        return AnyOf(tuple(parse_condition(c, tree_id) for c in raw["any"]))
    if "not" in raw:
        return Not(parse_condition(raw["not"], tree_id))
    if "of" in raw:
        return AtLeastOf(raw["at_least"], tuple(parse_condition(c, tree_id) for c in raw["of"]))
    if "positive" in raw:
        return Positive(qualify(tree_id, raw["positive"]), raw.get("side", "any"))
    ref = qualify(tree_id, raw["answer"])
    form = next(k for k in raw if k != "answer")
    return _ANSWER_FORMS[form](ref, raw[form])


def leaves(condition: Condition | None) -> Iterator[Leaf]:
    """Every leaf condition (the ones that name a node) inside `condition`."""
    if isinstance(condition, (All, AnyOf, AtLeastOf)):
        for item in condition.items:
            yield from leaves(item)
    elif isinstance(condition, Not):
        yield from leaves(condition.item)
    elif condition is not None:
        yield cast(Leaf, condition)


def refs(condition: Condition | None) -> set[str]:
    return {leaf.ref for leaf in leaves(condition)}


def supporting_refs(condition: Condition | None, answers: dict) -> set[str]:
    """The refs whose answers made `condition` true: for "because you said", not every answer it names.

    In `any` and `at_least ... of` only the items that held count; under `not`, the answers it names are
    the reason it holds.
    """
    if isinstance(condition, All):
        return set().union(*(supporting_refs(i, answers) for i in condition.items))
    if isinstance(condition, (AnyOf, AtLeastOf)):
        return set().union(*(supporting_refs(i, answers) for i in condition.items if i.evaluate(answers)))
    if isinstance(condition, Not):
        return refs(condition.item)
    if condition is None or not condition.evaluate(answers):
        return set()
    return {cast(Leaf, condition).ref}


# --- load-time checks ------------------------------------------------------------------------------------


def possible_values(node: object) -> list | None:
    """The answers a node can produce, or None for a measure (any number in range)."""
    if isinstance(node, Question):
        if node.style == "yes_no":
            return [True, False]
        return [o.value for o in node.options]
    if isinstance(node, SelfTest):
        return list(node.results)
    if isinstance(node, Measure) and node.cannot_do:
        return ["cannot"]  # besides any number in range, which is/in cannot test
    return None


def check_condition(condition: Condition | None, library: Library) -> Iterator[str]:
    """Plain sentences for every reference or value in `condition` that cannot work."""
    for leaf in leaves(condition):
        if not library.has_node(leaf.ref):
            tree_id, _, node_id = leaf.ref.partition("/")
            known = library.trees[tree_id].nodes if tree_id in library.trees else ()
            yield f"the condition names '{leaf.ref}', which does not exist{did_you_mean(node_id, known)}"
            continue
        yield from _LEAF_CHECKS.get(type(leaf), _no_check)(leaf, library.node(leaf.ref))


def _no_check(leaf, node) -> Iterator[str]:
    return iter(())


def _check_values(leaf, node) -> Iterator[str]:
    values = (leaf.value,) if isinstance(leaf, AnswerIs) else leaf.values
    allowed = possible_values(node)
    if allowed is None or (isinstance(node, Measure) and any(v != "cannot" for v in values)):
        extra = " (is / in work only for `cannot`, its `cannot_do` answer)" if allowed else ""
        yield f"'{leaf.ref}' is a measure: compare it with at_least / at_most, not is / in{extra}"
        return
    for value in values:
        if not any(same(value, a) for a in allowed):
            shown = ", ".join(repr(a) if not isinstance(a, bool) else str(a).lower() for a in allowed)
            yield f"'{leaf.ref}' can never be {value!r}; its answers are: {shown}"


def _check_number(leaf, node) -> Iterator[str]:
    if not isinstance(node, Measure):
        yield f"'{leaf.ref}' is not a measure, so at_least / at_most cannot apply"
    elif not node.min <= leaf.bound <= node.max:
        yield f"the bound {leaf.bound} is outside the range of '{leaf.ref}' ({node.min} to {node.max})"


def _check_positive(leaf, node) -> Iterator[str]:
    if not isinstance(node, SelfTest):
        yield f"'{leaf.ref}' is not a self-test, so `positive` cannot apply"
    elif not node.sided and leaf.side in ("left", "right", "both"):
        yield f"'{leaf.ref}' has no sides, so side '{leaf.side}' cannot apply"


_LEAF_CHECKS: dict[type, Callable] = {
    AnswerIs: _check_values,
    AnswerIn: _check_values,
    AnswerAtLeast: _check_number,
    AnswerAtMost: _check_number,
    Positive: _check_positive,
}
